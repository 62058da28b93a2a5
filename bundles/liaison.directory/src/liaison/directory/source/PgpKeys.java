package liaison.directory.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

import liaison.api.model.PgpKey;

/** Reads what a directory needs of an ASCII-armoured OpenPGP public key: fingerprint and expiry. */
public final class PgpKeys {

    private PgpKeys() {
    }

    /**
     * The key's primary fingerprint and expiry, with the armoured text kept.
     *
     * @throws IllegalArgumentException when the text holds no readable public key
     */
    public static PgpKey read(String armored) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            Iterator<PGPPublicKeyRing> it = rings.getKeyRings();
            if (!it.hasNext()) {
                throw new IllegalArgumentException("no public key in the armoured block");
            }
            PGPPublicKey primary = it.next().getPublicKey();
            long valid = primary.getValidSeconds();
            Instant expires = valid > 0 ? primary.getCreationTime().toInstant().plusSeconds(valid) : null;
            return new PgpKey(HexFormat.of().formatHex(primary.getFingerprint()).toUpperCase(Locale.ROOT), expires, armored.strip());
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException("not a readable OpenPGP public key: " + e.getMessage(), e);
        }
    }
}
