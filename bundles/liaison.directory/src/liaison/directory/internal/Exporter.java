package liaison.directory.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.TeamJson;

/** {@code directory export}: the effective teams as JSON, CSV (which the CSV source reads back) or RPSL irt objects. */
final class Exporter {

    /** Export formats. */
    enum Format {
        JSON, CSV, RPSL;

        static Format fromId(String id) {
            try {
                return valueOf(id.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no export format '" + id + "'; formats are json, csv, rpsl", e);
            }
        }
    }

    /** CSV columns besides the fields: what the directory adds; the CSV source ignores them. */
    static final List<String> META_COLUMNS = List.of("id", "status", "sources");

    /** Values of list fields in one CSV cell. */
    static final String CSV_SEPARATOR = "; ";

    private Exporter() {
    }

    static void write(Format format, List<DirectoryTeam> teams, Appendable out) throws IOException {
        switch (format) {
            case JSON -> {
                ArrayNode array = TeamJson.mapper().createArrayNode();
                teams.forEach(t -> array.add(TeamJson.write(t)));
                out.append(TeamJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array)).append('\n');
            }
            case CSV -> csv(teams, out);
            case RPSL -> out.append(rpsl(teams));
        }
    }

    private static void csv(List<DirectoryTeam> teams, Appendable out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        META_COLUMNS.forEach(schema::addColumn);
        for (Field f : Field.values()) {
            schema.addColumn(f.id());
        }
        StringWriter w = new StringWriter();
        try (SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(w)) {
            for (DirectoryTeam d : teams) {
                List<String> row = new ArrayList<>();
                row.add(String.valueOf(d.id()));
                row.add(d.status().id());
                row.add(String.join(CSV_SEPARATOR, d.sources()));
                for (Field f : Field.values()) {
                    row.add(String.join(CSV_SEPARATOR, f.values(d.team())));
                }
                rows.write(row);
            }
        }
        out.append(w.toString());
    }

    /**
     * irt-style objects: what an irt object can say, plus the rest as remarks. They lack the
     * admin-c, tech-c, auth and mnt-by an RIR requires, so they are for reading, not submission.
     */
    private static String rpsl(List<DirectoryTeam> teams) {
        StringBuilder out = new StringBuilder();
        out.append("% Liaison directory export: one irt-style object per team (not for submission to an RIR:\n")
                .append("% no admin-c, tech-c, auth or mnt-by).\n\n");
        for (DirectoryTeam d : teams) {
            Team t = d.team();
            attr(out, "irt", t.irtObject() != null ? t.irtObject() : irtName(t.shortName(), d.id()));
            if (t.officialName() != null) {
                attr(out, "remarks", t.officialName());
            }
            List<String> address = t.postalAddress() == null ? List.of() : t.postalAddress().lines().toList();
            for (String line : address) {
                attr(out, "address", line);
            }
            if (address.isEmpty() && t.country() != null) {
                attr(out, "address", t.country());
            }
            for (ContactChannel c : t.channels()) {
                switch (c.type()) {
                    case PHONE, EMERGENCY_PHONE -> attr(out, "phone", c.value() + (c.type() == ChannelType.EMERGENCY_PHONE ? " # emergency" : ""));
                    case FAX -> attr(out, "fax-no", c.value());
                    default -> { }
                }
            }
            List<String> emails = d.emails();
            emails.forEach(e -> attr(out, "e-mail", e));
            if (!emails.isEmpty()) {
                attr(out, "abuse-mailbox", emails.get(0));
            }
            for (PgpKey k : t.pgpKeys()) {
                String id = "PGPKEY-" + k.fingerprint().substring(Math.max(0, k.fingerprint().length() - 8));
                attr(out, "signature", id);
                attr(out, "encryption", id);
            }
            for (Field f : List.of(Field.SHORT_NAME, Field.COUNTRY, Field.HOST_ORGANISATION, Field.TI_CLASSIFICATION,
                    Field.TI_SINCE, Field.FIRST_ID, Field.FIRST_MEMBERSHIP, Field.TEAM_TYPE, Field.BUSINESS_HOURS,
                    Field.TIME_ZONE, Field.WEB_FORM, Field.RFC2350_URL, Field.SECURITY_TXT_URL, Field.CONSTITUENCY_ASNS,
                    Field.CONSTITUENCY_DOMAINS, Field.CONSTITUENCY_RANGES, Field.CONSTITUENCY_COUNTRIES)) {
                String v = f.text(t);
                if (!v.isEmpty()) {
                    attr(out, "remarks", f.cliName() + ": " + v.replace('\n', ' '));
                }
            }
            attr(out, "remarks", "status: " + d.status().id() + "; sources: " + String.join(", ", d.sources()));
            attr(out, "source", "LIAISON");
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code IRT-} and the short name in the irt name syntax (letters, digits, '-' and '_'). */
    static String irtName(String shortName, long id) {
        String base = shortName == null ? "TEAM-" + id : shortName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        return base.startsWith("IRT-") ? base : "IRT-" + base;
    }

    private static void attr(StringBuilder out, String name, String value) {
        out.append(String.format("%-16s", name + ":")).append(value).append('\n');
    }
}
