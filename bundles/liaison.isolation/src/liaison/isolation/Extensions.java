package liaison.isolation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import liaison.api.LiaisonException;

/**
 * Calls into extension services (resolver steps, directory sources, formats, transports — Liaison's
 * own or a third party's) so that a failing or hanging one cannot take Liaison down: each call runs
 * on its own virtual thread with a deadline, and whatever it throws — a checked failure, a bug's
 * {@link RuntimeException}, a {@link LinkageError} from a badly built bundle — comes back as a
 * {@link LiaisonException} naming the bundle that provides the service.
 */
public final class Extensions {

    /** A call into an extension. */
    @FunctionalInterface
    public interface Call<R> {
        R call() throws Exception;
    }

    private Extensions() {
    }

    /**
     * Runs {@code call} against {@code service} within {@code timeout}.
     *
     * @param service the extension service object (its class tells the providing bundle)
     * @param what    what is being done, for the message ("format 'markdown' rendering LIA-1")
     * @throws LiaisonException when the call fails, throws, or overruns; the call is interrupted then
     */
    public static <R> R call(Object service, String what, Duration timeout, Call<R> call) throws LiaisonException {
        CompletableFuture<R> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("liaison-extension").start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new LiaisonException(what + " did not finish within " + seconds(timeout) + " (" + provider(service) + ")", e);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new LiaisonException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LiaisonException le) {
                throw le;
            }
            if (cause instanceof VirtualMachineError vme) {
                throw vme;
            }
            throw new LiaisonException(what + " failed in " + provider(service) + ": " + cause, cause);
        }
    }

    /** "bundle org.example.liaison 1.0.0" for a service object, or its class when it is not from a bundle. */
    public static String provider(Object service) {
        Bundle b = FrameworkUtil.getBundle(service.getClass());
        return b == null ? service.getClass().getName() : "bundle " + b.getSymbolicName() + " " + b.getVersion();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
