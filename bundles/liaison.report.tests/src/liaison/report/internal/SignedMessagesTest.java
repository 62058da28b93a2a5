package liaison.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.internet.MimeMessage;
import liaison.api.LiaisonException;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.ReportComposer;

/** PGP/MIME messages of every format, verified and decrypted by the real gpg. */
class SignedMessagesTest {

    @TempDir
    static Path workspace;

    @TempDir
    static Path scratch;

    static ReportComposer composer;
    static PgpService pgp;
    static KeyInfo ours;
    static TestSupport.Gpg gpg;

    /** Jakarta Mail finds Angus through the context class loader (see liaison.report.JakartaMail). */
    @BeforeEach
    void angusForJakartaMail() {
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader());
    }

    @BeforeAll
    static void keys() throws Exception {
        TestSupport.selectWorkspace(workspace);
        pgp = TestSupport.workspaceService(PgpService.class, workspace);
        composer = TestSupport.service(ReportComposer.class);
        ours = pgp.generate("CERT-Test", "cert@csirt.example.org", null);
        gpg = new TestSupport.Gpg(scratch.resolve("gnupg"));
        Path pub = Files.writeString(scratch.resolve("ours.asc"), pgp.exportPublicKey());
        assertEquals(0, gpg.run("--import", pub.toString()).code());
    }

    @AfterAll
    static void stopAgent() throws Exception {
        gpg.kill();
    }

    private static ComposeOptions options(String format, boolean encrypt) {
        Reporter me = new Reporter("CERT-Test", "Ada Analyst", "cert@csirt.example.org", null, ours.fingerprint());
        return new ComposeOptions(format, GroupBy.CONTACT, true, encrypt, false, Tlp.AMBER, me, "TST", 0);
    }

    /** Writes the signed part and its signature as they travel, and asks gpg. */
    private static TestSupport.Gpg.Result verify(byte[] mime, String name) throws Exception {
        MimeMessage m = TestSupport.parse(mime);
        assertTrue(m.isMimeType("multipart/signed"), m.getContentType());
        assertTrue(m.getContentType().contains("protocol=\"application/pgp-signature\""), m.getContentType());
        assertTrue(m.getContentType().contains("micalg=pgp-sha256"), m.getContentType());
        int bodyStart = indexOf(mime, "\r\n\r\n".getBytes()) + 4;
        byte[] body = java.util.Arrays.copyOfRange(mime, bodyStart, mime.length);
        List<byte[]> parts = TestSupport.rawParts(body, m.getContentType());
        assertEquals(2, parts.size());
        byte[] signature = parts.get(1);
        String sig = new String(signature, StandardCharsets.US_ASCII);
        Path data = Files.write(scratch.resolve(name + ".signed"), parts.get(0));
        Path detached = Files.writeString(scratch.resolve(name + ".asc"), sig.substring(sig.indexOf("-----BEGIN PGP SIGNATURE")));
        return gpg.run("--verify", detached.toString(), data.toString());
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer: for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void gpgVerifiesSignedReportsOfEveryFormat() throws Exception {
        for (String format : List.of("text", "xarf", "arf", "iodef")) {
            List<Report> reports = composer.group(ComposerTest.events(composer), options(format, false)).reports();
            for (Report r : reports) {
                ComposedReport c = composer.compose(r, options(format, false));
                assertTrue(c.findings().stream().noneMatch(f -> f.code().equals("unsigned")));
                TestSupport.Gpg.Result result = verify(c.message().mime(), r.ticketId());
                assertEquals(0, result.code(), format + ": " + result.output());
                assertTrue(result.output().contains("[GNUPG:] GOODSIG"), result.output());
                assertTrue(result.output().contains("[GNUPG:] VALIDSIG " + ours.fingerprint()), result.output());
            }
        }
    }

    @Test
    void tamperedMessageFailsVerification() throws Exception {
        Report r = composer.group(ComposerTest.events(composer), options("text", false)).reports().get(0);
        byte[] mime = composer.compose(r, options("text", false)).message().mime();
        String text = new String(mime, StandardCharsets.ISO_8859_1);
        byte[] tampered = text.replace("192.0.2.10", "192.0.2.99").getBytes(StandardCharsets.ISO_8859_1);
        TestSupport.Gpg.Result result = verify(tampered, "tampered");
        assertTrue(result.code() != 0 && result.output().contains("[GNUPG:] BADSIG"), result.output());
    }

    @Test
    void sensitiveReportsAreEncryptedToTheRecipientKey() throws Exception {
        // The recipient (net-b) has a key made by gpg itself; we hold only its public half.
        TestSupport.Gpg.Result made = gpg.run("--quick-gen-key", "Net B Abuse <abuse@net-b.example>", "future-default", "default", "never");
        assertEquals(0, made.code(), made.output());
        Path recipientKey = scratch.resolve("net-b.asc");
        assertEquals(0, gpg.run("--armor", "--output", recipientKey.toString(), "--export", "abuse@net-b.example").code());
        List<KeyInfo> imported = pgp.importKeys(Files.readAllBytes(recipientKey), recipientKey.toString(), null);
        assertEquals(1, imported.size());
        assertTrue(imported.get(0).canEncrypt());

        List<Report> reports = composer.group(ComposerTest.events(composer), options("xarf", true)).reports();
        Report toB = reports.stream().filter(r -> r.recipients().equals(List.of("abuse@net-b.example"))).findFirst().orElseThrow();
        byte[] mime = composer.compose(toB, options("xarf", true)).message().mime();
        MimeMessage m = TestSupport.parse(mime);
        assertTrue(m.isMimeType("multipart/encrypted"), m.getContentType());
        assertTrue(m.getContentType().contains("protocol=\"application/pgp-encrypted\""));
        String wire = new String(mime, StandardCharsets.US_ASCII);
        assertTrue(!wire.contains("203.0.113.7"), "the evidence does not travel in clear");

        String armored = wire.substring(wire.indexOf("-----BEGIN PGP MESSAGE"), wire.indexOf("-----END PGP MESSAGE") + 20);
        Path encrypted = Files.writeString(scratch.resolve("b.asc"), armored + "\n");
        Path decrypted = scratch.resolve("b.eml");
        TestSupport.Gpg.Result result = gpg.run("--output", decrypted.toString(), "--decrypt", encrypted.toString());
        assertEquals(0, result.code(), result.output());
        byte[] inner = Files.readAllBytes(decrypted);
        String innerText = new String(inner, StandardCharsets.US_ASCII);
        assertTrue(innerText.startsWith("Content-Type: multipart/signed"), innerText);
        // Signed, then encrypted (RFC 3156 section 6.1): the decrypted entity verifies too.
        byte[] asMessage = ("MIME-Version: 1.0\r\n" + innerText).getBytes(StandardCharsets.US_ASCII);
        TestSupport.Gpg.Result inside = verify(asMessage, "inner");
        assertEquals(0, inside.code(), inside.output());

        Report toA = reports.stream().filter(r -> r.recipients().contains("noc@net-a.example")).findFirst().orElseThrow();
        LiaisonException noKey = assertThrows(LiaisonException.class, () -> composer.compose(toA, options("xarf", true)));
        assertTrue(noKey.getMessage().contains("no encryption key for abuse@net-a.example"), noKey.getMessage());
    }
}
