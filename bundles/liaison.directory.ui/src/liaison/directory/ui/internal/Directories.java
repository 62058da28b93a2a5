package liaison.directory.ui.internal;

import java.time.Duration;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import liaison.api.LiaisonException;
import liaison.directory.DirectoryService;
import liaison.directory.SyncOutcome;
import liaison.directory.SyncResult;
import liaison.directory.TeamChange;

/** The directory service for a view, and the text the views show for sync results. */
final class Directories implements AutoCloseable {

    private final ServiceTracker<DirectoryService, DirectoryService> tracker;

    Directories() {
        this(() -> { });
    }

    /**
     * @param appeared called (on the framework's thread) when a directory service appears: the
     *                 workspace's services start shortly after the workspace is selected
     */
    Directories(Runnable appeared) {
        BundleContext bc = FrameworkUtil.getBundle(Directories.class).getBundleContext();
        tracker = new ServiceTracker<>(bc, DirectoryService.class, null) {
            @Override
            public DirectoryService addingService(ServiceReference<DirectoryService> reference) {
                DirectoryService s = super.addingService(reference);
                appeared.run();
                return s;
            }
        };
        tracker.open();
    }

    /** Waits up to the given time for the directory service; for callers off the UI thread. */
    DirectoryService await(Duration wait) throws LiaisonException, InterruptedException {
        DirectoryService s = tracker.waitForService(wait.toMillis());
        return s != null ? s : service();
    }

    /** The directory of the workspace selected at start-up. */
    DirectoryService service() throws LiaisonException {
        DirectoryService s = tracker.getService();
        if (s == null) {
            throw new LiaisonException("the directory is not available: no workspace is open (see the Status view)");
        }
        return s;
    }

    @Override
    public void close() {
        tracker.close();
    }

    /** What a sync did or would do, as people read it: per source the summary, then each change. */
    static String describe(List<SyncOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (SyncOutcome o : outcomes) {
            if (!o.ok()) {
                sb.append(o.source().sourceId()).append(' ').append(o.source().location()).append(": FAILED, nothing written: ")
                        .append(o.error()).append("\n\n");
                continue;
            }
            describe(o.result(), sb);
        }
        return sb.toString();
    }

    static void describe(SyncResult r, StringBuilder sb) {
        sb.append(r.summary()).append('\n');
        for (TeamChange c : r.changes()) {
            sb.append("  ").append(switch (c.kind()) {
                case ADDED -> "+ ";
                case CHANGED -> "~ ";
                case REMOVED -> "- ";
            }).append(c.shortName()).append('\n');
            c.details().forEach(d -> sb.append("      ").append(d).append('\n'));
        }
        r.conflicts().forEach(c -> sb.append("  ! ").append(c).append('\n'));
        r.ambiguous().forEach(m -> sb.append("  ? ").append(m.team()).append(" may be ").append(m.other()).append(": ")
                .append(m.reason()).append('\n'));
        r.warnings().forEach(w -> sb.append("  warning: ").append(w).append('\n'));
        sb.append('\n');
    }
}
