package liaison.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import liaison.api.LiaisonException;
import liaison.store.Workspace;
import liaison.store.Workspaces;

/**
 * What every command shares: output streams, the global options, and access to the DS services the
 * command is a thin shell over. Services are looked up only when a command asks, so
 * {@code --version} and {@code help} start nothing.
 */
public final class CliContext implements AutoCloseable {

    private static final long SERVICE_WAIT_MS = 15_000;

    private final BundleContext bundleContext;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private Path data;
    private boolean jsonOutput;
    private Workspace workspace;

    CliContext(BundleContext bundleContext, PrintWriter out, PrintWriter err) {
        this.bundleContext = bundleContext;
        this.out = out;
        this.err = err;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public BundleContext bundleContext() {
        return bundleContext;
    }

    void setData(Path data) {
        this.data = data;
    }

    void setJson(boolean json) {
        this.jsonOutput = json;
    }

    /** True when {@code --json} was given: print JSON Lines instead of text. */
    public boolean json() {
        return jsonOutput;
    }

    /**
     * Gives this process a throw-away workspace unless {@code --data} named one: for commands that
     * play with simulated data ({@code liaison demo}, {@code liaison drill run --auto}), which must not
     * leave it in the analyst's workspace. Call before {@link #workspace()}.
     *
     * @return true when the directory will be used, false when {@code --data} was given
     */
    public boolean useDataUnlessGiven(Path directory) {
        if (data != null || workspace != null) {
            return false;
        }
        data = directory;
        return true;
    }

    /** The workspace directory asked for: {@code --data}, else {@code $LIAISON_DATA}, else {@code ~/.liaison}. */
    public Path dataDirectory() {
        return data != null ? data.toAbsolutePath().normalize() : Workspaces.defaultDirectory();
    }

    /** Selects {@link #dataDirectory()} as this process's workspace, once, and returns it. */
    public synchronized Workspace workspace() throws LiaisonException {
        if (workspace == null) {
            workspace = Workspaces.select(bundleContext, dataDirectory(), Duration.ofMillis(SERVICE_WAIT_MS));
        }
        return workspace;
    }

    /** Gets a service, waiting briefly for DS to make it available. */
    public <T> T service(Class<T> type) throws LiaisonException {
        return await(type, "(objectClass=" + type.getName() + ")", "service " + type.getName());
    }

    /** Every currently registered service of a type, highest ranking first. */
    public <T> List<T> services(Class<T> type) {
        try {
            return bundleContext.getServiceReferences(type, null).stream().sorted(java.util.Comparator.reverseOrder())
                    .map(bundleContext::getService).filter(java.util.Objects::nonNull).toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T await(Class<T> type, String filterText, String what) throws LiaisonException {
        try {
            Filter filter = FrameworkUtil.createFilter(filterText);
            ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, filter, null);
            tracker.open();
            trackers.add(tracker);
            T service = tracker.waitForService(SERVICE_WAIT_MS);
            if (service == null) {
                throw new LiaisonException(what + " is not available after " + TimeUnit.MILLISECONDS.toSeconds(SERVICE_WAIT_MS)
                        + " s; 'liaison doctor' shows which component is unsatisfied");
            }
            return type.cast(service);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while waiting for " + what, e);
        }
    }

    /** Prints one JSON object on one line (JSON Lines). */
    public void emitJson(Object value) {
        try {
            out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public ObjectMapper jsonMapper() {
        return json;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }
}
