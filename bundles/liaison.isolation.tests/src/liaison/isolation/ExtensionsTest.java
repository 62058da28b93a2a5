package liaison.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import liaison.api.LiaisonException;

class ExtensionsTest {

    /** Stands for an extension service object; its class lives in this test fragment's host bundle. */
    static final class Service {
    }

    final Service service = new Service();

    @Test
    void resultPassesThrough() throws Exception {
        assertEquals("ok", Extensions.call(service, "a call", Duration.ofSeconds(5), () -> "ok"));
    }

    @Test
    void bugsBecomeOneLineFailuresNamingTheBundle() {
        LiaisonException e = assertThrows(LiaisonException.class, () -> Extensions.call(service, "format 'broken' rendering T-1",
                Duration.ofSeconds(5), () -> {
                    throw new IllegalStateException("boom");
                }));
        assertTrue(e.getMessage().startsWith("format 'broken' rendering T-1 failed in bundle liaison.isolation "), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException: boom"), e.getMessage());
        assertTrue(e instanceof ExtensionFailure f && !f.timedOut(), "a bug is a broken contract, not a timeout");
        LiaisonException linkage = assertThrows(LiaisonException.class, () -> Extensions.call(service, "x", Duration.ofSeconds(5), () -> {
            throw new NoClassDefFoundError("org/missing/Type");
        }));
        assertTrue(linkage.getMessage().contains("NoClassDefFoundError"), linkage.getMessage());
    }

    @Test
    void theExtensionsOwnFailureIsKept() {
        LiaisonException own = new LiaisonException("the source says no");
        LiaisonException e = assertThrows(LiaisonException.class, () -> Extensions.call(service, "x", Duration.ofSeconds(5), () -> {
            throw own;
        }));
        assertSame(own, e);
    }

    @Test
    void hangingCallsAreAbandonedAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();
        LiaisonException e = assertThrows(LiaisonException.class, () -> Extensions.call(service, "source 'slow' reading",
                Duration.ofMillis(300), () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException stop) {
                        interrupted.countDown();
                    }
                    return null;
                }));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "bounded time");
        assertTrue(e.getMessage().startsWith("source 'slow' reading did not finish within 300 ms"), e.getMessage());
        assertTrue(e instanceof ExtensionFailure f && f.timedOut());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the abandoned call is interrupted");
    }

    @Test
    void streamingCallsRunAsLongAsTheyProgressAndAreAbandonedWhenTheyStall() throws Exception {
        AtomicLong progress = new AtomicLong();
        // Works for well over the idle limit, advancing all the time.
        assertEquals("done", Extensions.callWhileProgressing(service, "log format 'busy'", Duration.ofMillis(400), progress::get, () -> {
            for (int i = 0; i < 12; i++) {
                Thread.sleep(100);
                progress.incrementAndGet();
            }
            return "done";
        }));

        CountDownLatch interrupted = new CountDownLatch(1);
        LiaisonException e = assertThrows(LiaisonException.class, () -> Extensions.callWhileProgressing(service, "log format 'stuck'",
                Duration.ofMillis(400), progress::get, () -> {
                    progress.incrementAndGet();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException stop) {
                        interrupted.countDown();
                    }
                    return null;
                }));
        assertTrue(e.getMessage().startsWith("log format 'stuck' made no progress for 400 ms (bundle liaison.isolation "), e.getMessage());
        assertTrue(e instanceof ExtensionFailure f && f.timedOut());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the abandoned call is interrupted");
    }
}
