package liaison.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the abandoned call is interrupted");
    }
}
