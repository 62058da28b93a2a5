package liaison.cli.internal.pgp;

import java.util.LinkedHashMap;
import java.util.Map;

import liaison.pgp.KeyInfo;

/** A key as one JSON object (the CLI's mapper has no java.time module: times are written as ISO text). */
final class KeyJson {

    private KeyJson() {
    }

    static Map<String, Object> of(KeyInfo k) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("fingerprint", k.fingerprint());
        o.put("userId", k.userId());
        o.put("email", k.email());
        o.put("created", k.created().toString());
        o.put("secret", k.secret());
        o.put("passphraseProtected", k.passphraseProtected());
        o.put("canEncrypt", k.canEncrypt());
        return o;
    }
}
