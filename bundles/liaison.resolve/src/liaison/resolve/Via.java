package liaison.resolve;

import java.util.Locale;

/**
 * Which protocol a lookup uses. {@link #AUTO} asks whois for addresses and AS numbers (one answer
 * carries the irt, the abuse-c and the server's abuse line, in every registry's own words) and RDAP
 * for domains (gTLD whois is being retired), and falls back to the other protocol when the first
 * fails or finds no one to tell.
 */
public enum Via {
    AUTO, RDAP, WHOIS;

    public static Via of(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
