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
        byte[] bytes = normaliseArmour(armored).getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
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

    /**
     * Directories sometimes deliver the armour's base64 lines joined by spaces (FIRST's API does);
     * gpg reads that, Bouncy Castle does not, so the body is put back one chunk per line.
     */
    static String normaliseArmour(String armored) {
        StringBuilder out = new StringBuilder();
        enum Part { OUTSIDE, HEADERS, BODY }
        Part part = Part.OUTSIDE;
        for (String line : armored.strip().split("\\r?\\n")) {
            String l = line.strip();
            if (l.startsWith("-----")) {
                part = l.startsWith("-----BEGIN") ? Part.HEADERS : Part.OUTSIDE;
                out.append(l).append('\n');
            } else if (part == Part.HEADERS && l.contains(": ")) {
                out.append(l).append('\n');
            } else if (part == Part.HEADERS) {
                part = Part.BODY;
                out.append('\n');
                appendChunks(out, l);
            } else if (part == Part.BODY) {
                appendChunks(out, l);
            }
        }
        return out.toString();
    }

    private static void appendChunks(StringBuilder out, String line) {
        for (String chunk : line.split("\\s+")) {
            if (!chunk.isEmpty()) {
                out.append(chunk).append('\n');
            }
        }
    }
}
