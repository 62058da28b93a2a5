package liaison.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A workspace's settings: configuration properties for components, Liaison's or an extension's
 * (a directory source's column map, a transport's token), kept in the workspace as
 * {@code config/<PID>.cfg} (Java properties, UTF-8) and given to ConfigurationAdmin when the workspace
 * is selected. ConfigurationAdmin itself keeps nothing ({@code felix.cm.pm=memory}): what a workspace
 * says is what its components get, in every process that uses it.
 *
 * <p>Values are strings; components read them through their configuration types, which convert.
 */
public final class Settings {

    /** The workspace directory holding the settings files. */
    public static final String DIRECTORY = "config";

    /** Marks configurations made from a workspace's settings (private: not a service property). */
    static final String MARKER = ".liaison.settings";

    private static final Pattern PID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Duration POLL = Duration.ofMillis(20);

    private Settings() {
    }

    /** Every setting of the workspace: PID to its properties, both sorted. */
    public static Map<String, Map<String, String>> read(Path workspace) throws StoreException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        Path dir = workspace.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.cfg")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String pid = name.substring(0, name.length() - 4);
                if (PID.matcher(pid).matches()) {
                    Map<String, String> props = properties(f);
                    if (!props.isEmpty()) {
                        out.put(pid, props);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the settings in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Sets one property; effective for processes that select the workspace from now on. */
    public static void set(Path workspace, String pid, String key, String value) throws StoreException {
        check(pid, key);
        Objects.requireNonNull(value, "value");
        Map<String, String> props = properties(file(workspace, pid));
        props.put(key, value);
        write(workspace, pid, props);
    }

    /**
     * Removes one property, or all of a PID when {@code key} is null.
     *
     * @return false when there was nothing to remove
     */
    public static boolean unset(Path workspace, String pid, String key) throws StoreException {
        check(pid, key == null ? "x" : key);
        Map<String, String> props = properties(file(workspace, pid));
        boolean removed = key == null ? !props.isEmpty() : props.remove(key) != null;
        if (key == null) {
            props.clear();
        }
        if (removed) {
            write(workspace, pid, props);
        }
        return removed;
    }

    private static void check(String pid, String key) {
        if (pid == null || !PID.matcher(pid).matches()) {
            throw new IllegalArgumentException("'" + pid + "' is not a configuration PID (letters, digits, '.', '_', '-')");
        }
        if (pid.equals(Workspace.PID)) {
            throw new IllegalArgumentException("the workspace is chosen with --data, not with a setting");
        }
        if (key == null || key.isBlank() || key.chars().anyMatch(Character::isISOControl) || key.startsWith(".")
                || key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")) {
            throw new IllegalArgumentException("'" + key + "' is not a property name a setting may use");
        }
    }

    private static Path file(Path workspace, String pid) {
        return workspace.resolve(DIRECTORY).resolve(pid + ".cfg");
    }

    private static Map<String, String> properties(Path file) throws StoreException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    /** Replaces the file at once (written aside, then moved), so a crash leaves the old or the new settings. */
    private static void write(Path workspace, String pid, Map<String, String> props) throws StoreException {
        Path file = file(workspace, pid);
        try {
            if (props.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), pid, ".tmp");
            Properties p = new Properties();
            p.putAll(props);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Liaison settings for " + pid + " (liaison config set|unset)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the settings file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives ConfigurationAdmin the workspace's settings (and withdraws those another workspace gave it
     * earlier in this process), then waits until Declarative Services has handed the new properties
     * to the components configured by them, so the caller's next step sees them.
     */
    static void apply(BundleContext context, ConfigurationAdmin cm, Path workspace, Duration wait) throws StoreException {
        Map<String, Map<String, String>> settings = read(workspace);
        Map<String, Map<String, String>> changed = new TreeMap<>();
        try {
            Configuration[] earlier = cm.listConfigurations("(" + MARKER + "=*)");
            for (Configuration c : earlier == null ? new Configuration[0] : earlier) {
                if (!settings.containsKey(c.getPid())) {
                    c.delete();
                }
            }
            for (Map.Entry<String, Map<String, String>> s : settings.entrySet()) {
                Configuration c = cm.getConfiguration(s.getKey(), "?");
                Hashtable<String, Object> props = new Hashtable<>(s.getValue());
                props.put(MARKER, workspace.toString());
                if (!same(c.getProperties(), props)) {
                    c.update(props);
                    changed.put(s.getKey(), s.getValue());
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new StoreException("cannot apply the settings of " + workspace + ": " + e.getMessage(), e);
        }
        if (!changed.isEmpty()) {
            awaitComponents(context, changed, wait);
        }
    }

    private static boolean same(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                return false;
            }
        }
        // ConfigurationAdmin adds service.pid; anything else extra was removed from the settings.
        return current.size() == wanted.size() + 1;
    }

    /**
     * ConfigurationAdmin tells Declarative Services asynchronously; waits (within {@code wait}) until
     * every enabled component configured by a changed PID runs with the new values.
     */
    private static void awaitComponents(BundleContext context, Map<String, Map<String, String>> changed, Duration wait) {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.getService();
            long deadline = System.nanoTime() + wait.toNanos();
            while (scr != null && !applied(scr, changed) && System.nanoTime() < deadline) {
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tracker.close();
        }
    }

    private static boolean applied(ServiceComponentRuntime scr, Map<String, Map<String, String>> changed) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if ("ignore".equals(d.configurationPolicy) || !scr.isComponentEnabled(d)) {
                continue;
            }
            for (String pid : d.configurationPid) {
                Map<String, String> wanted = changed.get(pid);
                if (wanted == null) {
                    continue;
                }
                var configurations = scr.getComponentConfigurationDTOs(d);
                if (configurations.isEmpty() && "require".equals(d.configurationPolicy)) {
                    return false;
                }
                for (ComponentConfigurationDTO c : configurations) {
                    for (Map.Entry<String, String> w : wanted.entrySet()) {
                        if (!w.getValue().equals(String.valueOf(c.properties.get(w.getKey())))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
