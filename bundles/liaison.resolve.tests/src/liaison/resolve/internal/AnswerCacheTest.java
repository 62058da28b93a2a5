package liaison.resolve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/** The journal in the workspace: read back by a new process, torn lines skipped, expiry kept. */
class AnswerCacheTest {

    @TempDir
    Path dir;

    private static AnswerCache.Entry put(AnswerCache c, String range) {
        IpRange r = IpRange.parse(range);
        return c.put("whois", "ip4", r.first().toBigInteger(), r.last().toBigInteger(), null,
                List.of(new AnswerCache.StoredAnswer(0, false, "first", "whois.example", "q " + range, "answer " + range)));
    }

    @Test
    void theMostSpecificCoveringEntryAfterARestartAndATornLine() throws Exception {
        Path file = dir.resolve("answers.jsonl");
        Clock now = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        AnswerCache first = new AnswerCache(file, Duration.ofDays(1), now);
        put(first, "192.0.2.0/24");
        put(first, "192.0.2.128/25");
        put(first, "198.51.100.0/24");
        Files.writeString(file, "{\"protocol\":\"whois\",\"kind\":\"ip4\",\"fir", StandardOpenOption.APPEND);

        AnswerCache second = new AnswerCache(file, Duration.ofDays(1), now);
        assertEquals(3, second.size(), "the torn line is skipped, the others kept");
        assertEquals("q 192.0.2.128/25", second.find("whois", IpAddress.parse("192.0.2.200"), false).orElseThrow().answers().get(0).query());
        assertEquals("q 192.0.2.0/24", second.find("whois", IpAddress.parse("192.0.2.5"), false).orElseThrow().answers().get(0).query());
        assertTrue(second.find("whois", IpAddress.parse("192.0.3.1"), false).isEmpty());
        assertTrue(second.find("rdap", IpAddress.parse("192.0.2.5"), false).isEmpty(), "per protocol");
        assertTrue(second.find("whois", Resource.parse("192.0.2.0/23"), false).isEmpty(), "a range must be covered whole");
    }

    @Test
    void expiredEntriesServeOnlyOffline() throws Exception {
        Path file = dir.resolve("answers.jsonl");
        put(new AnswerCache(file, Duration.ofDays(1), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)), "192.0.2.0/24");
        AnswerCache later = new AnswerCache(file, Duration.ofDays(1), Clock.fixed(Instant.parse("2026-01-02T12:00:00Z"), ZoneOffset.UTC));
        assertTrue(later.find("whois", IpAddress.parse("192.0.2.1"), false).isEmpty());
        assertTrue(later.find("whois", IpAddress.parse("192.0.2.1"), true).isPresent());
        AnswerCache muchLater = new AnswerCache(file, Duration.ofDays(1), Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC));
        assertTrue(muchLater.find("whois", IpAddress.parse("192.0.2.1"), true).isEmpty());
        assertEquals(0, Files.readAllLines(file).size(), "entries long expired are dropped from the journal");
        assertEquals(BigInteger.ZERO, BigInteger.valueOf(muchLater.size()));
    }
}
