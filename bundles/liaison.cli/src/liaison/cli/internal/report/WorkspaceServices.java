package liaison.cli.internal.report;

import java.time.Duration;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.store.Workspaces;

/**
 * Services that keep data in the workspace (keys, outbox) exist once per selected workspace; this
 * waits for the one of the workspace this command uses, not one still registered for another.
 */
public final class WorkspaceServices {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private WorkspaceServices() {
    }

    public static <T> T get(CliContext context, Class<T> type) throws LiaisonException {
        String path = context.workspace().root().toString();
        try {
            return Workspaces.await(context.bundleContext(), type, path, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }
}
