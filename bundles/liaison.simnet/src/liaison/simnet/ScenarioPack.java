package liaison.simnet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpRange;

/**
 * A scenario pack as read from its directory: {@code scenario.json} and the files it names (the layout
 * is described in {@code docs/scenarios.md}). Reading checks what the simulated Internet and the
 * drill need — registries, delegations, recipients, the trainee — and names the file and position of
 * anything it cannot use; the logs, the directory snapshot and the ground truth are only located here.
 *
 * @param root             the pack's directory
 * @param id               scenario id
 * @param title            title
 * @param summary          one or two sentences
 * @param briefing         the trainee's briefing, one paragraph line per element
 * @param trainee          the trainee's identity and mailbox on the simulated mail server
 * @param logZone          the zone of log times written without one
 * @param registries       RIR and NIR id ({@code ripe}, {@code jpnic}, ...) to its data: an RPSL file, or a
 *                         directory of answers in the registry's own format
 * @param domainRegistries domain registries by top-level domain
 * @param rdap             the directory holding RDAP answers, one sub-directory per registry id or TLD
 * @param ipDelegations    what IANA says: address blocks to registry ids
 * @param asDelegations    what IANA says: AS number blocks to registry ids
 * @param directory        the directory snapshot (Trusted Introducer {@code teams.json} format), or null
 * @param logs             the attack logs
 * @param truth            the ground truth file
 * @param recipients       how the simulated recipients answer
 */
public record ScenarioPack(Path root, String id, String title, String summary, List<String> briefing, Trainee trainee,
        ZoneId logZone, Map<String, Path> registries, Map<String, DomainRegistry> domainRegistries, Path rdap,
        Map<IpRange, String> ipDelegations, List<AsDelegation> asDelegations, Path directory, List<Path> logs, Path truth,
        Recipients recipients) {

    /** The file every pack has at its root. */
    public static final String MANIFEST = "scenario.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);

    /**
     * The trainee of the scenario.
     *
     * @param team     the trainee's team, as reports name it
     * @param name     the handler's name
     * @param email    the trainee's address; its mailbox is on the simulated mail server
     * @param password the mailbox password
     */
    public record Trainee(String team, String name, String email, String password) {
        /** The IMAP login: the address's local part. */
        public String login() {
            return email.substring(0, email.indexOf('@'));
        }
    }

    /**
     * A domain registry of the scenario.
     *
     * @param tld     the top-level domain it serves
     * @param whois   its whois host name
     * @param rdap    its RDAP base URL
     * @param answers the directory of its whois answers, one file per domain
     */
    public record DomainRegistry(String tld, String whois, URI rdap, Path answers) {
    }

    /** AS numbers {@code first} to {@code last} delegated to a registry. */
    public record AsDelegation(long first, long last, String registry) {
    }

    /** The RIR and NIR ids a pack may give data for. */
    public static final List<String> REGISTRY_IDS = List.of("ripe", "arin", "apnic", "lacnic", "afrinic", "jpnic");

    /**
     * Reads a pack.
     *
     * @throws InputException naming {@code scenario.json} (or {@code recipients.json}) and the position
     *                        of what is missing or wrong
     */
    public static ScenarioPack read(Path root) throws InputException {
        Path manifest = root.resolve(MANIFEST);
        JsonNode s = json(manifest);
        Reader r = new Reader(manifest, root);
        String id = r.text(s, "id");
        JsonNode t = r.object(s, "trainee");
        String email = r.text(t, "email");
        try {
            EmailAddress.of(email);
        } catch (IllegalArgumentException e) {
            throw r.error(t.get("email"), "trainee.email is no e-mail address: " + email);
        }
        Trainee trainee = new Trainee(r.text(t, "team"), r.text(t, "name"), email, r.text(t, "password"));
        List<String> briefing = new ArrayList<>();
        s.path("briefing").forEach(b -> briefing.add(b.asText()));
        ZoneId zone;
        try {
            zone = s.has("log_timezone") ? ZoneId.of(s.get("log_timezone").asText()) : ZoneId.of("UTC");
        } catch (java.time.DateTimeException e) {
            throw r.error(s.get("log_timezone"), "log_timezone is no time zone: " + s.get("log_timezone").asText());
        }
        Map<String, Path> registries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.object(s, "registries").fields(); it.hasNext();) {
            var e = it.next();
            if (!REGISTRY_IDS.contains(e.getKey())) {
                throw r.error(e.getValue(), "unknown registry '" + e.getKey() + "'; known: " + String.join(", ", REGISTRY_IDS));
            }
            registries.put(e.getKey(), r.existing(e.getValue()));
        }
        Map<String, DomainRegistry> domains = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("domain_registries").fields(); it.hasNext();) {
            var e = it.next();
            String tld = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode d = e.getValue();
            URI rdap;
            try {
                rdap = URI.create(r.text(d, "rdap"));
            } catch (IllegalArgumentException ex) {
                throw r.error(d.get("rdap"), "rdap is no URL: " + d.get("rdap").asText());
            }
            domains.put(tld, new DomainRegistry(tld, r.text(d, "whois"), rdap, r.existing(d.get("answers"))));
        }
        JsonNode iana = r.object(s, "iana");
        Map<IpRange, String> ip = new LinkedHashMap<>();
        for (String family : List.of("ipv4", "ipv6")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = iana.path(family).fields(); it.hasNext();) {
                var e = it.next();
                try {
                    ip.put(IpRange.parse(e.getKey()), r.registry(e.getValue(), registries));
                } catch (IllegalArgumentException ex) {
                    throw r.error(e.getValue(), "iana." + family + ": '" + e.getKey() + "' is no prefix");
                }
            }
        }
        List<AsDelegation> asns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = iana.path("asn").fields(); it.hasNext();) {
            var e = it.next();
            String[] parts = e.getKey().split("-");
            try {
                long first = Long.parseLong(parts[0].strip());
                asns.add(new AsDelegation(first, parts.length > 1 ? Long.parseLong(parts[1].strip()) : first,
                        r.registry(e.getValue(), registries)));
            } catch (NumberFormatException ex) {
                throw r.error(e.getValue(), "iana.asn: '" + e.getKey() + "' is no AS number range (64496-64511)");
            }
        }
        List<Path> logs = new ArrayList<>();
        for (JsonNode l : s.path("logs")) {
            logs.add(r.existing(l));
        }
        Path recipientsFile = r.existing(s.get("recipients"));
        return new ScenarioPack(root, id, r.text(s, "title"), s.path("summary").asText(""), List.copyOf(briefing), trainee, zone,
                Map.copyOf(registries), Map.copyOf(domains), s.has("rdap") ? r.existing(s.get("rdap")) : null, Map.copyOf(ip),
                List.copyOf(asns), s.has("directory") ? r.existing(s.get("directory")) : null, List.copyOf(logs),
                r.existing(s.get("truth")), Recipients.read(recipientsFile));
    }

    /** Reads a JSON file of the pack, naming the position of broken JSON. */
    public static JsonNode json(Path file) throws InputException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(file.toString(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Field access that names the file and the line of what is wrong. The tree model keeps no
     * positions, so a problem is placed on the first line holding the offending value or key.
     */
    record Reader(Path file, Path root, List<String> lines) {

        Reader(Path file, Path root) {
            this(file, root, readLines(file));
        }

        private static List<String> readLines(Path file) {
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                return List.of();
            }
        }

        /** A problem placed on the line of {@code "needle"}, when one holds it. */
        InputException at(String needle, String problem) {
            int line = 0;
            for (int i = 0; i < lines.size() && needle != null; i++) {
                if (lines.get(i).contains("\"" + needle + "\"")) {
                    line = i + 1;
                    break;
                }
            }
            return new InputException(file.toString(), line, 0, problem);
        }

        InputException error(JsonNode value, String problem) {
            return at(value == null ? null : value.asText(), problem);
        }

        String text(JsonNode o, String field) throws InputException {
            JsonNode v = o.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw at(field, "'" + field + "' is missing or not text");
            }
            return v.asText();
        }

        JsonNode object(JsonNode o, String field) throws InputException {
            JsonNode v = o.get(field);
            if (v == null || !v.isObject()) {
                throw at(field, "'" + field + "' is missing or not an object");
            }
            return v;
        }

        /** A path inside the pack that must exist; a path leaving the pack is refused. */
        Path existing(JsonNode v) throws InputException {
            if (v == null || !v.isTextual()) {
                throw new InputException(file.toString(), 0, 0, "a file of the pack is missing from the manifest");
            }
            Path p = root.resolve(v.asText()).normalize();
            if (!p.startsWith(root.normalize())) {
                throw error(v, "'" + v.asText() + "' lies outside the pack");
            }
            if (!Files.exists(p)) {
                throw error(v, "'" + v.asText() + "' does not exist in the pack");
            }
            return p;
        }

        String registry(JsonNode v, Map<String, Path> registries) throws InputException {
            String id = v.asText();
            if (!registries.containsKey(id)) {
                throw error(v, "iana names registry '" + id + "', which the pack has no data for");
            }
            return id;
        }
    }

    /**
     * How the simulated recipients answer reports: per address, the steps taken after a report arrives;
     * an address with no steps never answers. Addresses nobody simulates take the {@code unknown} steps
     * (a bounce, by default).
     *
     * @param byAddress steps per address (lower case)
     * @param unknown   steps for any other address
     */
    public record Recipients(Map<String, List<Step>> byAddress, List<Step> unknown) {

        /** What a recipient does. */
        public enum Action {
            /** An automatic acknowledgement (RFC 3834 {@code Auto-Submitted: auto-replied}). */
            AUTO_REPLY,
            /** A person's reply that acknowledges or redirects. */
            REPLY,
            /** A person asks for clarification. */
            CLARIFY,
            /** A person confirms the incident was resolved. */
            RESOLVED,
            /** A delivery status notification: the address does not exist (RFC 3464). */
            BOUNCE;

            public String id() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }

            public static Action fromId(String id) {
                return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        }

        /**
         * One step.
         *
         * @param action what is done
         * @param after  how long after the report arrived, in scenario time
         * @param text   the body, or null for the built-in wording of the action
         */
        public record Step(Action action, Duration after, String text) {
        }

        /** The steps an address takes. */
        public List<Step> steps(String address) {
            List<Step> s = byAddress.get(address.toLowerCase(Locale.ROOT));
            return s != null ? s : unknown;
        }

        /** True when the pack simulates the address (possibly as one that never answers). */
        public boolean simulates(String address) {
            return byAddress.containsKey(address.toLowerCase(Locale.ROOT));
        }

        static Recipients read(Path file) throws InputException {
            JsonNode r = json(file);
            Reader reader = new Reader(file, file.getParent());
            Map<String, List<Step>> by = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("recipients").fields(); it.hasNext();) {
                var e = it.next();
                try {
                    EmailAddress.of(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw reader.at(e.getKey(), "'" + e.getKey() + "' is no e-mail address");
                }
                by.put(e.getKey().toLowerCase(Locale.ROOT), steps(reader, e.getKey(), e.getValue()));
            }
            List<Step> unknown = r.has("unknown") ? steps(reader, "unknown", r.get("unknown"))
                    : List.of(new Step(Action.BOUNCE, Duration.ofMinutes(1), null));
            return new Recipients(Map.copyOf(by), unknown);
        }

        private static List<Step> steps(Reader reader, String who, JsonNode array) throws InputException {
            if (!array.isArray()) {
                throw reader.at(who, who + ": expected a list of steps");
            }
            List<Step> out = new ArrayList<>();
            for (JsonNode step : array) {
                String action = step.path("action").asText();
                try {
                    out.add(new Step(Action.fromId(action), Duration.parse(step.path("after").asText("PT0S")),
                            step.hasNonNull("text") ? step.get("text").asText() : null));
                } catch (IllegalArgumentException e) {
                    throw reader.at(who, who + ": unknown action '" + action + "' (auto-reply, reply, clarify, resolved, bounce)");
                } catch (DateTimeParseException e) {
                    throw reader.at(who, who + ": 'after' is no ISO duration (PT25M): " + step.path("after").asText());
                }
            }
            return List.copyOf(out);
        }
    }
}
