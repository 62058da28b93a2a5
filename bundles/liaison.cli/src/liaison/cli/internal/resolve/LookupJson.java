package liaison.cli.internal.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liaison.api.model.ContactCandidate;
import liaison.resolve.Exchange;
import liaison.resolve.Resolution;

/**
 * One {@code lookup --json} line: {@code query}, {@code registry}, {@code network} ({@code range},
 * {@code name}, {@code country}), {@code contacts} best first ({@code role}, {@code email}, {@code phone},
 * {@code source}, {@code path}, {@code confidence}, and {@code name}, {@code flags}), {@code chain}
 * ({@code server}, {@code query}, {@code cached}); {@code error} when the lookup failed.
 */
final class LookupJson {

    private LookupJson() {
    }

    static Map<String, Object> of(Resolution r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("query", r.query().text());
        line.put("registry", r.registry());
        Map<String, Object> network = null;
        if (r.network() != null) {
            network = new LinkedHashMap<>();
            network.put("range", r.network().range());
            network.put("name", r.network().name());
            network.put("country", r.network().country());
        }
        line.put("network", network);
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (ContactCandidate c : r.contacts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", c.role().id());
            m.put("email", c.email());
            m.put("phone", c.phone());
            m.put("source", c.source());
            m.put("path", c.pathText());
            m.put("confidence", c.confidence());
            m.put("name", c.name());
            m.put("flags", c.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted().toList());
            contacts.add(m);
        }
        line.put("contacts", contacts);
        List<Map<String, Object>> chain = new ArrayList<>();
        for (Exchange e : r.chain()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("server", e.server());
            m.put("query", e.query());
            m.put("cached", e.cached());
            chain.add(m);
        }
        line.put("chain", chain);
        if (!r.notices().isEmpty()) {
            line.put("notices", r.notices());
        }
        if (!r.problems().isEmpty()) {
            line.put("problems", r.problems());
        }
        if (r.failed()) {
            line.put("error", r.error());
        }
        return line;
    }

}
