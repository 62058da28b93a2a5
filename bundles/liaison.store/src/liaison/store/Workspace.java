package liaison.store;

import java.nio.file.Path;

/**
 * The directory holding one Liaison workspace: the database, caches, keys and indexes. Chosen with
 * the global {@code --data DIR} option (default {@code ~/.liaison}); published as a service once
 * the configuration {@value #PID} names it, so everything that stores data follows the choice.
 */
public interface Workspace {

    /** Configuration PID; property {@value #PATH_PROPERTY} is the directory. */
    String PID = "liaison.workspace";

    String PATH_PROPERTY = "path";

    /** The workspace directory; it exists once the service is registered. */
    Path root();

    /** A path inside the workspace, e.g. {@code resolve("cache/whois")}. Directories are not created. */
    default Path resolve(String relative) {
        return root().resolve(relative);
    }
}
