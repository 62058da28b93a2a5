package liaison.pgp.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The RFC 3156 multipart entities around signed or encrypted content. Written directly rather than
 * through a MIME library because the first part of {@code multipart/signed} must stay byte for byte
 * what was signed; a library is free to re-encode or re-fold what it writes.
 */
final class PgpMimeEntities {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PgpMimeEntities() {
    }

    /** RFC 3156 section 5: the signed entity followed by its detached signature. */
    static byte[] signed(byte[] entity, String armoredSignature, String micalg) {
        String boundary = boundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream(entity.length + armoredSignature.length() + 512);
        ascii(out, "Content-Type: multipart/signed; micalg=" + micalg + ";\r\n"
                + "\tprotocol=\"application/pgp-signature\"; boundary=\"" + boundary + "\"\r\n\r\n"
                + "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n"
                + "--" + boundary + "\r\n");
        out.writeBytes(entity);
        ascii(out, "\r\n--" + boundary + "\r\n"
                + "Content-Type: application/pgp-signature; name=\"signature.asc\"\r\n"
                + "Content-Description: OpenPGP digital signature\r\n"
                + "Content-Disposition: attachment; filename=\"signature.asc\"\r\n\r\n"
                + crlf(armoredSignature) + "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    /** RFC 3156 section 4: the version part and the armoured encrypted data. */
    static byte[] encrypted(String armoredMessage) {
        String boundary = boundary();
        return ("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";\r\n"
                + "\tboundary=\"" + boundary + "\"\r\n\r\n"
                + "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/pgp-encrypted\r\n"
                + "Content-Description: PGP/MIME version identification\r\n\r\n"
                + "Version: 1\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n"
                + "Content-Description: OpenPGP encrypted message\r\n"
                + "Content-Disposition: inline; filename=\"encrypted.asc\"\r\n\r\n"
                + crlf(armoredMessage) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Line ends as CRLF, without a trailing line end (the boundary delimiter supplies it). */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").stripTrailing();
    }

    private static String boundary() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        // "=_" cannot occur in quoted-printable or base64 content, so the boundary never collides with it.
        return "=_liaison_" + HexFormat.of().formatHex(b);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
