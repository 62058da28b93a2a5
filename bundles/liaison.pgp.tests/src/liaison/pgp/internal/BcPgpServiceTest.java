package liaison.pgp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.pgp.KeyInfo;

/** Keys in a real directory, passphrases in real Eclipse secure storage, signatures checked by the real gpg. */
class BcPgpServiceTest {

    static final byte[] ENTITY = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nhello\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @AfterEach
    void forgetMasterPassword() throws Exception {
        System.clearProperty(SecureStoragePassphrases.PASSWORD_PROPERTY);
        if (Files.isDirectory(dir.resolve("gnupg"))) {
            new ProcessBuilder("gpgconf", "--homedir", dir.resolve("gnupg").toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void passphraseIsKeptInSecureStorageAndUnlocksTheKeyAfterARestart() throws Exception {
        System.setProperty(SecureStoragePassphrases.PASSWORD_PROPERTY, "master of the workspace");
        Path keys = dir.resolve("pgp");
        KeyInfo key = new BcPgpService(keys, null).generate("CERT-Test", "cert@csirt.example.org", "correct horse".toCharArray());
        assertTrue(key.passphraseProtected());
        assertTrue(key.canEncrypt());
        assertEquals("CERT-Test", key.name());
        assertEquals("cert@csirt.example.org", key.email());
        String storage = Files.readString(keys.resolve("secure_storage"), StandardCharsets.ISO_8859_1);
        assertFalse(storage.contains("correct horse"), "the passphrase is stored encrypted");

        byte[] signed = new BcPgpService(keys, null).sign(ENTITY); // a new process: the passphrase comes from secure storage
        assertTrue(new String(signed, StandardCharsets.US_ASCII).contains("-----BEGIN PGP SIGNATURE-----"));

        LiaisonException locked = assertThrows(LiaisonException.class, () -> new BcPgpService(keys, PassphraseStore.NONE).sign(ENTITY));
        assertTrue(locked.getMessage().contains("protected by a passphrase"), locked.getMessage());
    }

    @Test
    void withoutAMasterPasswordNoPassphraseIsStoredAndNoKeyWritten() {
        LiaisonException e = assertThrows(LiaisonException.class,
                () -> new BcPgpService(dir.resolve("pgp"), null).generate("CERT-Test", "cert@csirt.example.org", "pw".toCharArray()));
        assertTrue(e.getMessage().contains("--no-passphrase"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("pgp/secret.asc")));
    }

    @Test
    void importsCorrespondentKeysAndRefusesGarbage() throws Exception {
        BcPgpService ours = new BcPgpService(dir.resolve("a"), PassphraseStore.NONE);
        ours.generate("Net A", "abuse@net-a.example", null);
        BcPgpService theirs = new BcPgpService(dir.resolve("b"), PassphraseStore.NONE);
        List<KeyInfo> imported = theirs.importKeys(ours.exportPublicKey().getBytes(StandardCharsets.US_ASCII), "a.asc", null);
        assertEquals(1, imported.size());
        assertFalse(imported.get(0).secret());
        assertEquals(imported.get(0), theirs.keyFor("ABUSE@net-a.example").orElseThrow());
        assertTrue(new BcPgpService(dir.resolve("b"), PassphraseStore.NONE).keyFor("abuse@net-a.example").isPresent(), "kept on disk");

        InputException garbage = assertThrows(InputException.class,
                () -> theirs.importKeys("not a key".getBytes(StandardCharsets.US_ASCII), "junk.asc", null));
        assertTrue(garbage.getMessage().startsWith("junk.asc"), garbage.getMessage());
        assertEquals(1, theirs.publicKeys().size(), "a failed import changes nothing");
    }

    @Test
    void importsOurSecretKeyMadeByGpgAndSignsWithIt() throws Exception {
        Path gnupg = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, gpg(gnupg, "--passphrase", "gpg pass", "--quick-gen-key", "CERT-Gpg <cert@gpg.example.org>", "future-default", "default", "never"));
        Path secret = dir.resolve("secret.asc");
        assertEquals(0, gpg(gnupg, "--passphrase", "gpg pass", "--armor", "--output", secret.toString(), "--export-secret-keys", "cert@gpg.example.org"));

        InputException notFromThere = assertThrows(InputException.class,
                () -> new BcPgpService(dir.resolve("other"), PassphraseStore.NONE).importPublicKeys(Files.readAllBytes(secret), "directory"));
        assertTrue(notFromThere.getMessage().contains("secret key"), notFromThere.getMessage());
        assertFalse(Files.exists(dir.resolve("other/secret.asc")), "a secret key from a directory never becomes ours");

        System.setProperty(SecureStoragePassphrases.PASSWORD_PROPERTY, "master");
        BcPgpService service = new BcPgpService(dir.resolve("pgp"), null);
        assertThrows(LiaisonException.class, () -> service.importKeys(Files.readAllBytes(secret), secret.toString(), "wrong".toCharArray()));
        List<KeyInfo> keys = service.importKeys(Files.readAllBytes(secret), secret.toString(), "gpg pass".toCharArray());
        assertTrue(keys.get(0).secret());
        assertEquals("cert@gpg.example.org", service.ownKey().orElseThrow().email());

        byte[] signed = new BcPgpService(dir.resolve("pgp"), null).sign(ENTITY);
        String text = new String(signed, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Content-Type: multipart/signed; micalg=pgp-sha256;"), text);
        int start = text.indexOf("\r\n--") + 2;
        int first = text.indexOf("\r\n", start) + 2;
        assertArrayEquals(ENTITY, text.substring(first, first + ENTITY.length).getBytes(StandardCharsets.US_ASCII), "the entity is signed as it is");
        Path data = Files.write(dir.resolve("entity"), ENTITY);
        Path sig = Files.writeString(dir.resolve("entity.asc"), text.substring(text.indexOf("-----BEGIN PGP SIGNATURE"),
                text.indexOf("-----END PGP SIGNATURE-----") + 27) + "\n");
        assertEquals(0, gpg(gnupg, "--verify", sig.toString(), data.toString()));
    }

    private static int gpg(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--pinentry-mode", "loopback"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
