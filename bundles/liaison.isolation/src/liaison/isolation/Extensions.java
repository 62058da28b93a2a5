package liaison.isolation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import liaison.api.LiaisonException;

/**
 * Calls into extension services (resolver steps, directory sources, formats, transports — Liaison's
 * own or a third party's) so that a failing or hanging one cannot take Liaison down: each call runs
 * on its own virtual thread with a deadline, and whatever it throws — a checked failure, a bug's
 * {@link RuntimeException}, a {@link LinkageError} from a badly built bundle — comes back as a
 * {@link LiaisonException} naming the bundle that provides the service: the extension's own
 * {@link LiaisonException} as it is, anything else and an overrun deadline as an
 * {@link ExtensionFailure}.
 */
public final class Extensions {

    /** A call into an extension. */
    @FunctionalInterface
    public interface Call<R> {
        R call() throws Exception;
    }

    /** How often a streaming call's progress is looked at. */
    private static final Duration PROGRESS_CHECK = Duration.ofMillis(250);

    private Extensions() {
    }

    /**
     * Runs {@code call} against {@code service} within {@code timeout}.
     *
     * @param service the extension service object (its class tells the providing bundle)
     * @param what    what is being done, for the message ("format 'markdown' rendering LIA-1")
     * @throws ExtensionFailure when the call throws something other than a {@link LiaisonException}, or
     *                          overruns (the call is interrupted then)
     * @throws LiaisonException the extension's own failure, unchanged
     */
    public static <R> R call(Object service, String what, Duration timeout, Call<R> call) throws LiaisonException {
        return run(service, what, timeout, null, call);
    }

    /**
     * Like {@link #call}, for work whose length depends on its input (a log of any size, streamed):
     * the call is abandoned only when {@code progress} has not changed for {@code idleTimeout}.
     *
     * @param progress a counter the work advances as it goes (bytes read, records seen); read from
     *                 another thread, so it must be safe to read concurrently
     */
    public static <R> R callWhileProgressing(Object service, String what, Duration idleTimeout, LongSupplier progress, Call<R> call)
            throws LiaisonException {
        return run(service, what, idleTimeout, progress, call);
    }

    private static <R> R run(Object service, String what, Duration timeout, LongSupplier progress, Call<R> call) throws LiaisonException {
        CompletableFuture<R> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("liaison-extension").start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        long limit = timeout.toNanos();
        long since = System.nanoTime();
        long seen = progress == null ? 0 : progress.getAsLong();
        try {
            while (true) {
                long left = limit - (System.nanoTime() - since);
                try {
                    return result.get(progress == null ? left : Math.min(left, PROGRESS_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long now = progress == null ? seen : progress.getAsLong();
                    if (now != seen) {
                        seen = now;
                        since = System.nanoTime();
                    } else if (System.nanoTime() - since >= limit) {
                        worker.interrupt();
                        throw new ExtensionFailure(what + (progress == null ? " did not finish within " : " made no progress for ")
                                + seconds(timeout) + " (" + provider(service) + ")", true, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new ExtensionFailure(what + " was interrupted", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LiaisonException le) {
                throw le;
            }
            if (cause instanceof VirtualMachineError vme) {
                throw vme;
            }
            throw new ExtensionFailure(what + " failed in " + provider(service) + ": " + cause, false, cause);
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
