package liaison.api.model;

import java.time.Instant;

/**
 * A team's OpenPGP key as a directory knows it.
 *
 * @param fingerprint upper-case hex fingerprint without spaces
 * @param expires     expiry, or null when the key does not expire or it is unknown
 * @param armored     the ASCII-armoured public key when known, else null
 */
public record PgpKey(String fingerprint, Instant expires, String armored) {

    public PgpKey {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("a PGP key needs a fingerprint");
        }
        fingerprint = fingerprint.replaceAll("\\s+", "").replaceFirst("^0[xX]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
