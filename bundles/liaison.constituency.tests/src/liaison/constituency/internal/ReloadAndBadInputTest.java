package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.InputException;
import liaison.api.model.IpAddress;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;

/** A failed load names file and line and changes nothing; a good reload replaces its dataset atomically. */
class ReloadAndBadInputTest {

    @TempDir
    Path tmp;

    private final ConstituencyComponent service = new ConstituencyComponent();
    private Path index;
    private ConstituencyIndex open;

    @BeforeEach
    void loadGoodWorld() throws Exception {
        index = tmp.resolve("index");
        service.load(index, List.of(Files.writeString(tmp.resolve("world.db"), CraftedHierarchyTest.WORLD)), LoadOptions.STRICT,
                LoadProgress.NONE);
        open = service.open(index);
    }

    /** The same dataset name as the good world, in another directory. */
    private Path variant(String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("next"));
        return Files.writeString(dir.resolve("world.db"), text);
    }

    private void assertPreviousIndexAnswers() throws Exception {
        assertFalse(open.refresh(), "CURRENT was not replaced");
        assertEquals("IRT-INNER", open.map(IpAddress.parse("192.0.2.70")).irt());
        try (ConstituencyIndex again = service.open(index)) {
            assertEquals("IRT-INNER", again.map(IpAddress.parse("192.0.2.70")).irt());
        }
        try (var files = Files.list(index)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".000002.")), "the failed load left no files");
        }
    }

    @Test
    void brokenRangeNamesFileAndLine() throws Exception {
        String broken = CraftedHierarchyTest.WORLD.replace("inetnum:        192.0.2.0 - 192.0.2.255",
                "inetnum:        192.0.2.0 - 192.0.2.256");
        Path file = variant(broken);
        InputException e = assertThrows(InputException.class,
                () -> service.load(index, List.of(file), LoadOptions.STRICT, LoadProgress.NONE));
        assertEquals(file.toString(), e.input());
        assertEquals(lineOf(broken, "192.0.2.256"), e.line());
        assertTrue(e.getMessage().contains("not an IPv4 range"), e.getMessage());
        assertPreviousIndexAnswers();
    }

    @Test
    void reversedRangeIsRefused() throws Exception {
        String broken = CraftedHierarchyTest.WORLD.replace("192.0.2.64 - 192.0.2.99", "192.0.2.99 - 192.0.2.64");
        InputException e = assertThrows(InputException.class,
                () -> service.load(index, List.of(variant(broken)), LoadOptions.STRICT, LoadProgress.NONE));
        assertEquals(lineOf(broken, "192.0.2.99 - 192.0.2.64"), e.line());
        assertTrue(e.getMessage().contains("starts after it ends"), e.getMessage());
        assertPreviousIndexAnswers();
    }

    @Test
    void unknownAttributeNamesFileAndLine() throws Exception {
        String broken = CraftedHierarchyTest.WORLD.replace("netname:        INNER-NET\n", "netname:        INNER-NET\ncolour:         blue\n");
        InputException e = assertThrows(InputException.class,
                () -> service.load(index, List.of(variant(broken)), LoadOptions.STRICT, LoadProgress.NONE));
        assertEquals(lineOf(broken, "colour:"), e.line());
        assertTrue(e.getMessage().contains("unknown attribute 'colour'"), e.getMessage());
        assertPreviousIndexAnswers();
    }

    @Test
    void truncatedGzipNamesFileAndLine() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("inetnum:        10.").append(i / 256).append('.').append(i % 256).append(".0 - 10.").append(i / 256).append('.')
                    .append(i % 256).append(".255\nnetname:        NET-").append(i).append("\ncountry:        NL\nadmin-c:        AR1-TEST\n"
                            + "tech-c:         AR1-TEST\nstatus:         ASSIGNED PA\nmnt-by:         TEST-MNT\nsource:         TEST\n\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(big.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = gz.toByteArray();
        Path file = Files.write(Files.createDirectories(tmp.resolve("next")).resolve("world.db.gz"),
                Arrays.copyOf(bytes, bytes.length / 2));
        InputException e = assertThrows(InputException.class,
                () -> service.load(index, List.of(file), LoadOptions.STRICT, LoadProgress.NONE));
        assertEquals(file.toString(), e.input());
        assertTrue(e.line() > 1 && e.line() < lineOf(big.toString(), "NET-1999"), "the line where the data ends: " + e.line());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertPreviousIndexAnswers();
    }

    @Test
    void reloadReplacesTheDatasetAtomically() throws Exception {
        String moved = CraftedHierarchyTest.WORLD.replace("mnt-irt:        IRT-INNER\n", "");
        service.load(index, List.of(variant(moved)), LoadOptions.STRICT, LoadProgress.NONE);
        assertEquals("IRT-INNER", open.map(IpAddress.parse("192.0.2.70")).irt(), "a reader keeps its snapshot until refresh");
        assertTrue(open.refresh());
        assertEquals("IRT-OUTER", open.map(IpAddress.parse("192.0.2.70")).irt(), "the old claims are gone");
        assertEquals(1, open.datasets().size());
        try (var files = Files.list(index)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".000001.")), "the replaced generation was removed");
        }
    }

    @Test
    void anotherDatasetAddsToTheIndex() throws Exception {
        Path extra = Files.writeString(tmp.resolve("own.db"), """
                inetnum:        198.51.100.0 - 198.51.100.255
                netname:        OUR-OWN
                country:        NL
                admin-c:        AR1-TEST
                tech-c:         AR1-TEST
                status:         ASSIGNED PA
                mnt-by:         TEST-MNT
                mnt-irt:        IRT-OUTER
                source:         OWN
                """);
        service.load(index, List.of(extra), LoadOptions.STRICT, LoadProgress.NONE);
        assertTrue(open.refresh());
        assertEquals(2, open.datasets().size());
        assertEquals("abuse@outer.example", open.map(IpAddress.parse("198.51.100.1")).irtEmail(), "irt resolved across datasets");
        assertEquals("IRT-INNER", open.map(IpAddress.parse("192.0.2.70")).irt());
    }

    private static long lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
