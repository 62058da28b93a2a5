package liaison.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import liaison.store.Workspace;

/**
 * The workspace named by configuration {@value Workspace#PID}. Required configuration: nothing that
 * stores data starts before the CLI or the UI has said which directory to use.
 */
@Component(configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class WorkspaceComponent implements Workspace {

    private Path root;

    @Activate
    void activate(Map<String, Object> properties) {
        Object path = properties.get(PATH_PROPERTY);
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException("configuration " + PID + " has no '" + PATH_PROPERTY + "'");
        }
        root = Path.of(path.toString()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace directory " + root, e);
        }
    }

    @Override
    public Path root() {
        return root;
    }
}
