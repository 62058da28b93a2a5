package liaison.pgp;

import java.time.Instant;

/**
 * An OpenPGP key as Liaison keeps it.
 *
 * @param fingerprint          upper-case hex fingerprint of the primary key
 * @param userId               the first user id, e.g. {@code CERT-X <cert@example.org>}
 * @param created              creation time of the primary key
 * @param secret               true for our own key (we hold the secret part)
 * @param passphraseProtected  true when the secret part is encrypted with a passphrase
 * @param canEncrypt           true when the key has a usable encryption (sub)key
 */
public record KeyInfo(String fingerprint, String userId, Instant created, boolean secret, boolean passphraseProtected,
        boolean canEncrypt) {

    /** The address in the user id's angle brackets, or the whole user id when it has none. */
    public String email() {
        int lt = userId.lastIndexOf('<');
        int gt = userId.lastIndexOf('>');
        return lt >= 0 && gt > lt ? userId.substring(lt + 1, gt) : userId.strip();
    }

    /** The user id without its address: the name. */
    public String name() {
        int lt = userId.lastIndexOf('<');
        return lt > 0 ? userId.substring(0, lt).strip() : userId.strip();
    }
}
