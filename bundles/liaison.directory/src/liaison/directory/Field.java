package liaison.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import liaison.api.model.Asn;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpRange;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;

/**
 * Every field of a directory team that carries provenance and can be overridden. The {@link #id()}
 * ({@code official_name}, {@code emergency_phone}) is used in JSON, history and provenance keys; the
 * command line also accepts the hyphenated {@link #cliName()} ({@code emergency-phone}).
 *
 * <p>A field is read from a {@link Team} as a list of display values (empty when unknown, one
 * element for single-valued fields) and written back with {@link #apply}; list-valued fields
 * (channels, keys, constituency) take several values.
 */
public enum Field {
    SHORT_NAME, OFFICIAL_NAME, HOST_ORGANISATION, COUNTRY, ESTABLISHED, TI_HANDLE, TI_CLASSIFICATION, TI_SINCE,
    FIRST_ID, FIRST_MEMBERSHIP, TEAM_TYPE, IRT, BUSINESS_HOURS, TIME_ZONE, POSTAL_ADDRESS, RFC2350_URL,
    SECURITY_TXT_URL,
    EMAIL, PHONE, EMERGENCY_PHONE, FAX, WEB_FORM, MESSAGING,
    PGP_FINGERPRINT,
    CONSTITUENCY_TYPES, CONSTITUENCY_ASNS, CONSTITUENCY_DOMAINS, CONSTITUENCY_RANGES, CONSTITUENCY_COUNTRIES;

    /** The TI classifications, lowest first. */
    public static final List<String> CLASSIFICATIONS = List.of("listed", "accredited", "certified");

    /** Lower-case id with underscores: {@code emergency_phone}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case id with hyphens, as typed on the command line: {@code emergency-phone}. */
    public String cliName() {
        return id().replace('_', '-');
    }

    /** True for fields holding several values (contact channels, keys, constituency). */
    public boolean multiValued() {
        return ordinal() >= EMAIL.ordinal();
    }

    /** The channel type of a channel field, else null. */
    public ChannelType channelType() {
        return switch (this) {
            case EMAIL -> ChannelType.EMAIL;
            case PHONE -> ChannelType.PHONE;
            case EMERGENCY_PHONE -> ChannelType.EMERGENCY_PHONE;
            case FAX -> ChannelType.FAX;
            case WEB_FORM -> ChannelType.WEB_FORM;
            case MESSAGING -> ChannelType.MESSAGING;
            default -> null;
        };
    }

    /** The field holding channels of a type. */
    public static Field of(ChannelType type) {
        return valueOf(type.name());
    }

    /**
     * Reads a field name as typed: {@code email}, {@code emergency-phone}, {@code official_name};
     * {@code asns}, {@code domains}, ... stand for the constituency lists.
     *
     * @throws IllegalArgumentException listing the known names when there is no such field
     */
    public static Field fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Field f : values()) {
            if (f.id().equals(n) || f.id().equals("constituency_" + n)) {
                return f;
            }
        }
        if (n.equals("irt_object")) {
            return IRT;
        }
        throw new IllegalArgumentException("no field '" + name + "'; fields are "
                + String.join(", ", Arrays.stream(values()).map(Field::cliName).toList()));
    }

    /** The field's values in a team, as displayed and compared. */
    public List<String> values(Team t) {
        Constituency c = t.constituency();
        return switch (this) {
            case SHORT_NAME -> one(t.shortName());
            case OFFICIAL_NAME -> one(t.officialName());
            case HOST_ORGANISATION -> one(t.hostOrganisation());
            case COUNTRY -> one(t.country());
            case ESTABLISHED -> one(t.established() == null ? null : t.established().toString());
            case TI_HANDLE -> one(t.tiHandle());
            case TI_CLASSIFICATION -> one(t.tiClassification());
            case TI_SINCE -> one(t.tiSince() == null ? null : t.tiSince().toString());
            case FIRST_ID -> one(t.firstId());
            case FIRST_MEMBERSHIP -> one(t.firstMembership());
            case TEAM_TYPE -> one(t.teamType());
            case IRT -> one(t.irtObject());
            case BUSINESS_HOURS -> one(t.businessHours());
            case TIME_ZONE -> one(t.timeZone() == null ? null : t.timeZone().getId());
            case POSTAL_ADDRESS -> one(t.postalAddress());
            case RFC2350_URL -> one(t.rfc2350Url());
            case SECURITY_TXT_URL -> one(t.securityTxtUrl());
            case EMAIL, PHONE, EMERGENCY_PHONE, FAX, WEB_FORM, MESSAGING ->
                t.channels().stream().filter(ch -> ch.type() == channelType()).map(ContactChannel::value).toList();
            case PGP_FINGERPRINT -> t.pgpKeys().stream().map(PgpKey::fingerprint).toList();
            case CONSTITUENCY_TYPES -> c.types();
            case CONSTITUENCY_ASNS -> c.asns().stream().map(Asn::text).toList();
            case CONSTITUENCY_DOMAINS -> c.domains();
            case CONSTITUENCY_RANGES -> c.ranges().stream().map(IpRange::text).toList();
            case CONSTITUENCY_COUNTRIES -> c.countries();
        };
    }

    /** The values joined for display and comparison: {@code a, b}; empty when unknown. */
    public String text(Team t) {
        return String.join(", ", values(t));
    }

    /**
     * Splits what a coordinator typed (or a CSV cell) into values: list fields take values separated
     * by commas or semicolons (constituency types, which contain commas, by semicolons only); other
     * fields take the whole text.
     */
    public List<String> parse(String text) {
        if (!multiValued()) {
            return text.isBlank() ? List.of() : List.of(text.strip());
        }
        List<String> out = new ArrayList<>();
        for (String v : text.split(this == CONSTITUENCY_TYPES ? ";" : "[,;]")) {
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /**
     * The team with this field replaced by the values (validated and normalised). Channels of the
     * field's type and keys not among the values are dropped; a replaced key keeps what the team
     * knew about it (expiry, armoured key).
     *
     * @throws IllegalArgumentException naming the field and value when a value is not valid for it
     */
    public Team apply(Team t, List<String> values) {
        Team.Builder b = t.toBuilder();
        String v = values.isEmpty() ? null : values.get(0);
        if (!multiValued() && values.size() > 1) {
            throw new IllegalArgumentException(cliName() + " takes one value, not " + values.size());
        }
        Constituency c = t.constituency();
        switch (this) {
            case SHORT_NAME -> b.shortName(v);
            case OFFICIAL_NAME -> b.officialName(v);
            case HOST_ORGANISATION -> b.hostOrganisation(v);
            case COUNTRY -> b.country(checked(v, s -> {
                if (!s.matches("[A-Za-z]{2}")) {
                    throw new IllegalArgumentException("not a two-letter country code");
                }
                return s;
            }));
            case ESTABLISHED -> b.established(checked(v, LocalDate::parse));
            case TI_HANDLE -> b.tiHandle(v);
            case TI_CLASSIFICATION -> b.tiClassification(checked(v, s -> {
                String lc = s.toLowerCase(Locale.ROOT);
                if (!CLASSIFICATIONS.contains(lc)) {
                    throw new IllegalArgumentException("classification is one of " + String.join(", ", CLASSIFICATIONS));
                }
                return lc;
            }));
            case TI_SINCE -> b.tiSince(checked(v, LocalDate::parse));
            case FIRST_ID -> b.firstId(v);
            case FIRST_MEMBERSHIP -> b.firstMembership(v);
            case TEAM_TYPE -> b.teamType(v);
            case IRT -> b.irtObject(v == null ? null : v.toUpperCase(Locale.ROOT));
            case BUSINESS_HOURS -> b.businessHours(v);
            case TIME_ZONE -> b.timeZone(checked(v, ZoneId::of));
            case POSTAL_ADDRESS -> b.postalAddress(v);
            case RFC2350_URL -> b.rfc2350Url(v);
            case SECURITY_TXT_URL -> b.securityTxtUrl(v);
            case EMAIL, PHONE, EMERGENCY_PHONE, FAX, WEB_FORM, MESSAGING -> {
                List<ContactChannel> channels = new ArrayList<>();
                ChannelType type = channelType();
                boolean placed = false;
                for (ContactChannel ch : t.channels()) {
                    if (ch.type() != type) {
                        channels.add(ch);
                    } else if (!placed) {
                        placed = true;
                        channels.addAll(channelsOf(type, values, t));
                    }
                }
                if (!placed) {
                    channels.addAll(channelsOf(type, values, t));
                }
                b.channels(channels);
            }
            case PGP_FINGERPRINT -> {
                List<PgpKey> keys = new ArrayList<>();
                for (String fp : values) {
                    PgpKey wanted = checked(fp, s -> {
                        PgpKey k = new PgpKey(s, null, null);
                        if (!k.fingerprint().matches("[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64}")) {
                            throw new IllegalArgumentException("not an OpenPGP fingerprint (32, 40 or 64 hex digits)");
                        }
                        return k;
                    });
                    keys.add(t.pgpKeys().stream().filter(k -> k.fingerprint().equals(wanted.fingerprint())).findFirst()
                            .orElse(wanted));
                }
                b.pgpKeys(keys);
            }
            case CONSTITUENCY_TYPES -> b.constituency(new Constituency(values, c.asns(), c.domains(), c.ranges(), c.countries()));
            case CONSTITUENCY_ASNS -> b.constituency(new Constituency(c.types(),
                    values.stream().map(s -> checked(s, Asn::parse)).toList(), c.domains(), c.ranges(), c.countries()));
            case CONSTITUENCY_DOMAINS -> b.constituency(new Constituency(c.types(), c.asns(),
                    values.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), c.ranges(), c.countries()));
            case CONSTITUENCY_RANGES -> b.constituency(new Constituency(c.types(), c.asns(), c.domains(),
                    values.stream().map(s -> checked(s, IpRange::parse)).toList(), c.countries()));
            case CONSTITUENCY_COUNTRIES -> b.constituency(new Constituency(c.types(), c.asns(), c.domains(), c.ranges(),
                    values.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()));
        }
        return b.build();
    }

    /**
     * The team {@code to} with this single-valued field taken from {@code from} as it is (no
     * validation: sources' values are kept as read).
     */
    public Team copy(Team from, Team to) {
        Team.Builder b = to.toBuilder();
        switch (this) {
            case SHORT_NAME -> b.shortName(from.shortName());
            case OFFICIAL_NAME -> b.officialName(from.officialName());
            case HOST_ORGANISATION -> b.hostOrganisation(from.hostOrganisation());
            case COUNTRY -> b.country(from.country());
            case ESTABLISHED -> b.established(from.established());
            case TI_HANDLE -> b.tiHandle(from.tiHandle());
            case TI_CLASSIFICATION -> b.tiClassification(from.tiClassification());
            case TI_SINCE -> b.tiSince(from.tiSince());
            case FIRST_ID -> b.firstId(from.firstId());
            case FIRST_MEMBERSHIP -> b.firstMembership(from.firstMembership());
            case TEAM_TYPE -> b.teamType(from.teamType());
            case IRT -> b.irtObject(from.irtObject());
            case BUSINESS_HOURS -> b.businessHours(from.businessHours());
            case TIME_ZONE -> b.timeZone(from.timeZone());
            case POSTAL_ADDRESS -> b.postalAddress(from.postalAddress());
            case RFC2350_URL -> b.rfc2350Url(from.rfc2350Url());
            case SECURITY_TXT_URL -> b.securityTxtUrl(from.securityTxtUrl());
            default -> throw new IllegalArgumentException(cliName() + " holds several values; it is merged, not copied");
        }
        return b.build();
    }

    private List<ContactChannel> channelsOf(ChannelType type, List<String> values, Team t) {
        List<ContactChannel> out = new ArrayList<>();
        for (String v : values) {
            String value = type == ChannelType.EMAIL ? checked(v, s -> EmailAddress.of(s).address()) : v;
            // Keep usage, time zone and comment of a channel the team already had with this value.
            out.add(t.channels().stream().filter(ch -> ch.type() == type && ch.value().equalsIgnoreCase(value)).findFirst()
                    .orElse(ContactChannel.of(type, value)));
        }
        return out;
    }

    private <T> T checked(String value, Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + cliName() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> one(String v) {
        return v == null || v.isBlank() ? List.of() : List.of(v);
    }
}
