package liaison.whoisd.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.Dataset;
import liaison.constituency.IndexedObject;
import liaison.constituency.RangeScope;
import liaison.rpsl.RpslAttribute;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslTemplates;

/**
 * Answers one query the way the RIPE database does: {@code %} headers, "Information related to",
 * "Abuse contact for ... is ...", the objects (filtered unless {@code -B}), the objects they
 * reference (unless {@code -r}), and RIPE's error numbers.
 */
final class Responder {

    static final String VERSION = "liaison-whoisd-0.1";

    /** Attributes RIPE leaves out of query answers unless -B. */
    private static final Set<String> FILTERED = Set.of("e-mail", "notify", "changed", "ref-nfy", "mnt-nfy", "upd-to", "irt-nfy");
    /** Attributes whose values name objects shown with the answer, and the classes they name. */
    private static final Map<String, Set<String>> REFERENCES = Map.of("admin-c", Set.of("role", "person"),
            "tech-c", Set.of("role", "person"), "abuse-c", Set.of("role", "person"), "zone-c", Set.of("role", "person"),
            "org", Set.of("organisation"), "mnt-irt", Set.of("irt"));

    private final ConstituencyIndex index;

    Responder(ConstituencyIndex index) {
        this.index = index;
    }

    static String header() {
        return """
                % This is the Liaison whois server, answering from an offline constituency index.
                % The objects are in RPSL format; queries follow the RIPE Database's syntax
                % (-c, -b, -r, -B, -T, -x, -l, -L, -m, -M, -K, -q version|sources|types).

                """;
    }

    static String footer() {
        return "% This query was served by the Liaison whois server version " + VERSION + "\n\n\n";
    }

    /** RIPE's error form: the numbered line, then an explanation for people. */
    static String error(int code, String message, String explanation) {
        return "%ERROR:" + code + ": " + message + "\n%\n% " + explanation + "\n\n";
    }

    String answer(Query q) {
        if (q.info() != null) {
            return info(q.info());
        }
        List<IndexedObject> primary = lookup(q);
        if (!q.types().isEmpty()) {
            primary = primary.stream().filter(o -> q.types().contains(o.object().type())).toList();
        }
        if (primary.isEmpty()) {
            return error(101, "no entries found", "No entries found in the loaded sources.");
        }
        StringBuilder out = new StringBuilder();
        boolean filtered = false;
        StringBuilder body = new StringBuilder();
        Set<String> shown = new LinkedHashSet<>();
        for (IndexedObject o : primary) {
            RpslObject obj = o.object();
            body.append("% Information related to '").append(obj.key()).append("'\n\n");
            boolean resource = Set.of("inetnum", "inet6num", "aut-num").contains(obj.type());
            if (resource) {
                body.append(o.abuseMailbox() != null ? "% Abuse contact for '" + obj.key() + "' is '" + o.abuseMailbox() + "'\n\n"
                        : "% No abuse contact registered for " + obj.key() + "\n\n");
            }
            if (q.has('b')) {
                if (resource) {
                    body.append(line(obj.type(), obj.key()));
                    if (o.abuseMailbox() != null) {
                        body.append(line("abuse-mailbox", o.abuseMailbox()));
                    }
                    body.append('\n');
                }
                continue;
            }
            RpslObject shownObject = q.has('K') ? primaryKeys(obj) : q.has('B') ? obj : filter(obj);
            filtered |= shownObject != obj && !q.has('K');
            body.append(shownObject).append('\n');
            shown.add(obj.type() + " " + obj.key());
            if (!q.has('r') && !q.has('K')) {
                for (RpslObject ref : referenced(obj, shown)) {
                    RpslObject r = q.has('B') ? ref : filter(ref);
                    filtered |= r != ref;
                    body.append(r).append('\n');
                }
            }
        }
        if (filtered) {
            out.append("% Note: this output has been filtered.\n%       To receive output for a database update, use the \"-B\" flag.\n\n");
        }
        return out.append(body).toString();
    }

    private List<IndexedObject> lookup(Query q) {
        RangeScope scope = q.has('x') ? RangeScope.EXACT : q.has('l') ? RangeScope.ONE_LESS : q.has('L') ? RangeScope.ALL_LESS
                : q.has('m') ? RangeScope.ONE_MORE : q.has('M') ? RangeScope.ALL_MORE : q.has('c') ? RangeScope.IRT : RangeScope.SMALLEST;
        Resource r;
        try {
            r = Resource.parse(q.key());
        } catch (IllegalArgumentException e) {
            r = null;
        }
        if (r instanceof IpAddress a) {
            return index.ranges(IpRange.of(a), scope);
        }
        if (r instanceof IpRange range) {
            return index.ranges(range, scope);
        }
        return index.objects(q.key());
    }

    /** The irt, role, person and organisation objects the object names, each once per answer. */
    private List<RpslObject> referenced(RpslObject obj, Set<String> shown) {
        List<RpslObject> out = new ArrayList<>();
        for (RpslAttribute a : obj.attributes()) {
            Set<String> classes = REFERENCES.get(a.name());
            if (classes == null) {
                continue;
            }
            for (String name : a.cleanValue().split(",")) {
                for (IndexedObject ref : index.objects(name.strip())) {
                    RpslObject r = ref.object();
                    if (classes.contains(r.type()) && shown.add(r.type() + " " + keyOf(r))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private static String keyOf(RpslObject o) {
        return o.get("nic-hdl").orElse(o.key());
    }

    private static RpslObject filter(RpslObject o) {
        List<RpslAttribute> kept = new ArrayList<>();
        boolean changed = false;
        for (RpslAttribute a : o.attributes()) {
            if (FILTERED.contains(a.name())) {
                changed = true;
            } else if (a.name().equals("auth")) {
                String scheme = a.cleanValue().isEmpty() ? "" : a.cleanValue().split("\\s+")[0] + " ";
                kept.add(new RpslAttribute("auth", scheme + "# Filtered"));
                changed = true;
            } else if (a.name().equals("source")) {
                kept.add(new RpslAttribute("source", a.cleanValue() + " # Filtered"));
                changed = true;
            } else {
                kept.add(a);
            }
        }
        return changed ? new RpslObject(kept, o.line()) : o;
    }

    /** -K: only the attributes that make up the primary key. */
    private static RpslObject primaryKeys(RpslObject o) {
        List<RpslAttribute> keys = new ArrayList<>();
        keys.add(o.attributes().get(0));
        for (String k : List.of("nic-hdl", "origin")) {
            o.attributes().stream().filter(a -> a.name().equals(k)).findFirst().ifPresent(keys::add);
        }
        return new RpslObject(keys, o.line());
    }

    private String info(String what) {
        StringBuilder out = new StringBuilder();
        switch (what) {
            case "version" -> out.append("% ").append(VERSION).append('\n');
            case "sources" -> {
                Set<String> sources = new LinkedHashSet<>();
                index.datasets().stream().filter(d -> d.kind().equals("rpsl")).map(Dataset::sources).forEach(sources::addAll);
                sources.forEach(s -> out.append(s).append(":3:N:0-0\n"));
            }
            default -> new TreeSet<>(RpslTemplates.types()).forEach(t -> out.append(t).append('\n'));
        }
        return out.append('\n').toString();
    }

    private static String line(String name, String value) {
        String head = name + ":";
        return head + " ".repeat(Math.max(1, 16 - head.length())) + value + "\n";
    }
}
