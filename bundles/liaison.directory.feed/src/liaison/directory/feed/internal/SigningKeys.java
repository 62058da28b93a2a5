package liaison.directory.feed.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import liaison.api.LiaisonException;
import liaison.directory.nrtm4.Jws;

/**
 * The workspace's feed signing key (ECDSA P-256 for ES256): made on first publication and kept in
 * {@code keys/} of the workspace, the private key readable by its owner only.
 */
final class SigningKeys {

    static final String PRIVATE_FILE = "feed-signing-key.pem";
    static final String PUBLIC_FILE = "feed-public-key.pem";

    private SigningKeys() {
    }

    static KeyPair loadOrCreate(Path dir) throws LiaisonException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) {
                PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getMimeDecoder().decode(Files.readString(priv).replaceAll("-----[A-Z ]+-----", ""))));
                return new KeyPair(Jws.publicKey(Files.readString(pub)), privateKey);
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            Files.createDirectories(dir);
            write(priv, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n", true);
            write(pub, Jws.pem(kp.getPublic()), false);
            return kp;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new LiaisonException("cannot read or create the feed signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
