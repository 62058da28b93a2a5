package liaison.rpsl;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import liaison.api.InputException;

/**
 * Parses whole RPSL answers and decodes them from the charsets registries use: UTF-8, ISO-8859-1
 * (the RIPE database's default) and ISO-2022-JP (JPNIC). For large dumps use {@link RpslReader}.
 */
public final class RpslParser {

    /** JPNIC's Japanese answers. */
    public static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

    private RpslParser() {
    }

    /** Parses decoded text. */
    public static RpslDocument parse(String input, String text) throws InputException {
        List<RpslObject> objects = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        RpslReader reader = new RpslReader(input, new StringReader(text), comments::add);
        for (RpslObject o; (o = reader.next()) != null;) {
            objects.add(o);
        }
        return new RpslDocument(objects, comments);
    }

    /** Decodes with {@link #decode} and parses. */
    public static RpslDocument parse(String input, byte[] bytes, Charset declared) throws InputException {
        return parse(input, decode(input, bytes, declared));
    }

    /**
     * Decodes bytes strictly: ISO-2022-JP when its escape sequences are present, else the declared
     * charset (null: UTF-8 if the bytes are valid UTF-8, else ISO-8859-1, which accepts every byte).
     *
     * @throws InputException naming the byte offset when the bytes are invalid in the declared charset
     */
    public static String decode(String input, byte[] bytes, Charset declared) throws InputException {
        Charset charset = declared;
        if (containsIso2022JpEscape(bytes)) {
            charset = ISO_2022_JP;
        } else if (charset == null) {
            charset = isValid(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(input, 0, in.position() + 1L, "bytes invalid in " + charset.name(), e);
        }
    }

    /** ESC $ B or ESC $ @ (JIS X 0208) switch to Japanese in ISO-2022-JP. */
    static boolean containsIso2022JpEscape(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 0x1B && b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValid(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
