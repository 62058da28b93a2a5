package liaison.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Chooses the workspace for this process: the CLI ({@code --data DIR}), the workbench and tests call
 * {@link #select} before using anything that stores data.
 */
public final class Workspaces {

    private Workspaces() {
    }

    /** {@code $LIAISON_DATA} when set, else {@code ~/.liaison}. */
    public static Path defaultDirectory() {
        String env = System.getenv("LIAISON_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".liaison");
    }

    /**
     * Points configuration {@value Workspace#PID} at the directory and waits until the
     * {@link Workspace} and {@link Database} services for it are registered; then gives components
     * the workspace's {@link Settings} and waits until they have them.
     *
     * @throws StoreException when ConfigurationAdmin is missing or the service does not appear in time
     */
    public static Workspace select(BundleContext context, Path directory, Duration wait) throws StoreException {
        String path = directory.toAbsolutePath().normalize().toString();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("cannot use " + path + " as workspace: " + (e instanceof FileAlreadyExistsException
                    ? "it is a file, not a directory" : e.getMessage()), e);
        }
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cmTracker = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        cmTracker.open();
        try {
            ConfigurationAdmin cm = cmTracker.waitForService(wait.toMillis());
            if (cm == null) {
                throw new StoreException("no ConfigurationAdmin service: the bundle org.apache.felix.configadmin is missing or not started");
            }
            Configuration config = cm.getConfiguration(Workspace.PID, "?");
            Dictionary<String, Object> props = config.getProperties();
            if (props == null || !path.equals(props.get(Workspace.PATH_PROPERTY))) {
                Hashtable<String, Object> update = new Hashtable<>();
                update.put(Workspace.PATH_PROPERTY, path);
                config.update(update);
            }
            Workspace ws = await(context, Workspace.class, path, wait);
            await(context, Database.class, path, wait);
            Settings.apply(context, cm, ws.root(), wait);
            return ws;
        } catch (IOException e) {
            throw new StoreException("cannot configure the workspace " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening the workspace " + path, e);
        } finally {
            cmTracker.close();
        }
    }

    /**
     * Waits for the service of the given type that serves the workspace at {@code path}; services of
     * the workspace carry its path as service property {@value Workspace#PATH_PROPERTY}.
     */
    public static <T> T await(BundleContext context, Class<T> type, String path, Duration wait)
            throws StoreException, InterruptedException {
        String filter = "(&(objectClass=" + type.getName() + ")(" + Workspace.PATH_PROPERTY + "=" + escape(path) + "))";
        ServiceTracker<T, T> tracker;
        try {
            tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            T service = tracker.waitForService(wait.toMillis());
            if (service == null) {
                throw new StoreException(type.getSimpleName() + " of the workspace " + path + " did not become available within "
                        + wait.toSeconds() + " s; 'liaison doctor' shows which component is unsatisfied");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits for a service that is not bound to a workspace (the composer, the drill service); for the
     * workbench's views, which ask for their services when a user acts.
     */
    public static <T> T service(BundleContext context, Class<T> type, Duration wait) throws StoreException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(wait.toMillis());
            if (s == null) {
                throw new StoreException(type.getSimpleName() + " is not available; the Status view and 'liaison doctor' show why");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for " + type.getSimpleName(), e);
        } finally {
            tracker.close();
        }
    }

    /** Waits for the service of the workspace this process selected (the workbench's outbox, keys, drills). */
    public static <T> T ofSelected(BundleContext context, Class<T> type, Duration wait) throws StoreException {
        String path = service(context, Workspace.class, wait).root().toString();
        try {
            return await(context, type, path, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    /** The workspace directory currently configured, or null when none is selected. */
    public static String configuredPath(ConfigurationAdmin cm) throws StoreException {
        try {
            Configuration[] configs = cm.listConfigurations("(service.pid=" + Workspace.PID + ")");
            if (configs == null || configs.length == 0 || configs[0].getProperties() == null) {
                return null;
            }
            Object path = configs[0].getProperties().get(Workspace.PATH_PROPERTY);
            return path == null ? null : path.toString();
        } catch (IOException | InvalidSyntaxException e) {
            throw new StoreException("cannot read the workspace configuration: " + e.getMessage(), e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28").replace(")", "\\29");
    }
}
