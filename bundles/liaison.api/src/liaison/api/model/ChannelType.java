package liaison.api.model;

import java.util.Locale;

/** How a team or contact can be reached. */
public enum ChannelType {
    EMAIL, PHONE, EMERGENCY_PHONE, FAX, WEB_FORM,
    /** A messaging URI such as {@code matrix:}, {@code xmpp:} or {@code https://t.me/...}. */
    MESSAGING;

    /** Lower-case, hyphenated name used in JSON and the CLI: {@code emergency-phone}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChannelType fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
