package liaison.directory.nrtm4;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;
import liaison.api.LiaisonException;

/**
 * JSON Web Signatures (RFC 7515, compact serialisation) with ES256 — ECDSA on P-256 with SHA-256,
 * the signature as R‖S (RFC 7518 §3.4) — as NRTMv4 signs its update notification files. Only the
 * JDK's providers are used.
 */
public final class Jws {

    /** The only algorithm accepted. */
    public static final String ALGORITHM = "ES256";

    private static final String JCA_ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jws() {
    }

    /**
     * Checks a compact JWS against the key and returns its payload.
     *
     * @param input the file or URL, for messages
     * @throws InputException when it is not a JWS, not ES256, or the signature does not verify
     */
    public static byte[] verify(String input, String compact, PublicKey key) throws InputException {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new InputException(input, 0, 0, "not a JWS in compact form (expected three dot-separated parts, found "
                    + parts.length + ")");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(decode(input, parts[0], "header"));
        } catch (java.io.IOException e) {
            throw new InputException(input, 0, 0, "the JWS header is not JSON", e);
        }
        String alg = header.path("alg").asText("");
        if (!ALGORITHM.equals(alg)) {
            throw new InputException(input, 0, 0, "the JWS is signed with '" + alg + "'; NRTMv4 notification files are signed with "
                    + ALGORITHM + ", nothing else is accepted");
        }
        byte[] signature = decode(input, parts[2], "signature");
        try {
            Signature verifier = Signature.getInstance(JCA_ALGORITHM);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (signature.length != 64 || !verifier.verify(signature)) {
                throw new InputException(input, 0, 0, "the signature does not verify with the configured key; the file was"
                        + " altered or signed by someone else");
            }
        } catch (GeneralSecurityException e) {
            throw new InputException(input, 0, 0, "cannot verify the signature: " + e.getMessage(), e);
        }
        return decode(input, parts[1], "payload");
    }

    /** Signs a payload: {@code header.payload.signature}, base64url without padding. */
    public static String sign(byte[] payload, PrivateKey key, String keyId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = MAPPER.createObjectNode().put("kid", keyId).put("alg", ALGORITHM).toString();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload);
        try {
            Signature signer = Signature.getInstance(JCA_ALGORITHM);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The public key configured for a source ({@code --key}), or null when none is.
     *
     * @param input the source, for the message
     * @throws LiaisonException when the configured text is not a P-256 public key
     */
    public static PublicKey configuredKey(String input, String text) throws LiaisonException {
        if (text == null) {
            return null;
        }
        try {
            return publicKey(text);
        } catch (IllegalArgumentException e) {
            throw new LiaisonException("the key configured for " + input + " is unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a P-256 public key: PEM ({@code -----BEGIN PUBLIC KEY-----}) or its bare base64.
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an EC public key in PEM or base64: " + e.getMessage(), e);
        }
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("the key is not on the P-256 curve ES256 needs");
        }
        return key;
    }

    /** The key as PEM. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A short id of a key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return String.format("%016x", new BigInteger(1, java.util.Arrays.copyOf(d, 8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String input, String part, String what) throws InputException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InputException(input, 0, 0, "the JWS " + what + " is not base64url: " + e.getMessage(), e);
        }
    }
}
