package liaison.pgp;

import java.util.List;
import java.util.Optional;

import liaison.api.LiaisonException;

/**
 * Our team's OpenPGP key and the keys of the teams we write to, kept in the workspace; signs and
 * encrypts MIME entities as PGP/MIME (RFC 3156) so that any OpenPGP implementation verifies them.
 *
 * <p>MIME entities are exchanged as bytes in canonical form: header lines, an empty line and the
 * body, every line ending in CRLF, 7-bit clean (quoted-printable or base64 bodies), so that the
 * signed bytes are exactly the bytes that travel.
 *
 * <p>Thread-safe. Passphrases are never written to the workspace: they live in Eclipse secure storage.
 */
public interface PgpService {

    /**
     * Generates our key (Ed25519 for signing, Curve25519 for encryption) and makes it the one that
     * signs reports. Refuses to replace an existing key.
     *
     * @param passphrase protects the secret key and is kept in secure storage; null for no passphrase
     */
    KeyInfo generate(String name, String email, char[] passphrase) throws LiaisonException;

    /**
     * Imports keys from an ASCII-armoured or binary key block: a secret key becomes our key (its
     * passphrase, if any, must be given and is kept in secure storage); public keys become
     * correspondents' keys (replacing older copies of the same key).
     *
     * @param inputName the file or source name, for error messages
     * @param passphrase passphrase of an imported secret key, or null
     */
    List<KeyInfo> importKeys(byte[] keyBlock, String inputName, char[] passphrase) throws LiaisonException;

    /**
     * Imports correspondents' public keys from a source we do not control (the peer directory); a key
     * block that holds secret key material is refused, so no source can replace our own key.
     */
    List<KeyInfo> importPublicKeys(byte[] keyBlock, String inputName) throws LiaisonException;

    /** Our public key, ASCII-armoured; throws when no key has been generated or imported. */
    String exportPublicKey() throws LiaisonException;

    /** Our key, if one exists. */
    Optional<KeyInfo> ownKey() throws LiaisonException;

    /** Correspondents' keys. */
    List<KeyInfo> publicKeys() throws LiaisonException;

    /** The correspondent's key whose user id carries the address (case-insensitive), if any. */
    Optional<KeyInfo> keyFor(String email) throws LiaisonException;

    /**
     * Signs a MIME entity with our key: returns a {@code multipart/signed; protocol="application/pgp-signature"}
     * entity whose first part is the given entity byte for byte and whose second part is the detached signature.
     */
    byte[] sign(byte[] entity) throws LiaisonException;

    /**
     * Encrypts a MIME entity to the recipients' keys and to our own: returns a
     * {@code multipart/encrypted; protocol="application/pgp-encrypted"} entity. Throws naming the
     * first recipient without a usable key.
     */
    byte[] encrypt(byte[] entity, List<String> recipients) throws LiaisonException;
}
