package liaison.directory.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liaison.api.model.Team;
import liaison.directory.MatchCandidate;

/**
 * Finds the directory team a source's record belongs to (TI ↔ FIRST ↔ irt ↔ feeds), and pairs of
 * teams that only look alike.
 *
 * <p>Strong evidence merges: the same TI handle, FIRST id or irt object, the same e-mail address,
 * or the same name with a compatible country. A record is merged only when exactly one team has
 * strong evidence, and never into a team that already has a record from the same source (a source
 * lists each team once). Weak evidence — one name contained in the other ("EY" and "EY CSIRT"), a
 * shared mail domain — never merges; such pairs are reported for the coordinator.
 */
final class Matcher {

    /** Words too common in team names to tell teams apart. */
    private static final Set<String> GENERIC_WORDS = Set.of("cert", "csirt", "cirt", "sirt", "psirt", "irt", "team",
            "security", "incident", "response", "computer", "emergency", "center", "centre", "national", "the", "of",
            "and", "cyber", "soc", "cc", "group", "services", "information");

    /**
     * A name word or mail domain shared by more teams than this does not tell teams apart (and
     * scanning its teams for every record would make large imports quadratic).
     */
    static final int COMMON = 50;

    /** Mail domains shared by unrelated teams. */
    private static final Set<String> SHARED_MAIL_DOMAINS = Set.of("gmail.com", "outlook.com", "hotmail.com", "yahoo.com",
            "protonmail.com", "proton.me", "ripe.net");

    /** Second-level labels under which a country registry assigns names ({@code example.co.uk}). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "ac", "gov", "org", "net", "edu", "or", "ne",
            "go", "gv", "mil", "gob");

    /** What identifies one directory team, from its effective view and every source record. */
    record Entry(long id, String name, boolean mergeable, Set<String> scopes, Set<String> handles, Set<String> emails,
            Set<String> mailDomains, Set<String> nameKeys, Set<Set<String>> nameWords, Set<String> countries) {
    }

    /** Where a record goes: an existing team, or a new one; and the look-alikes found on the way. */
    record Decision(Long teamId, List<MatchCandidate> nearMatches) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Set<Long>> byHandle = new HashMap<>();
    private final Map<String, Set<Long>> byEmail = new HashMap<>();
    private final Map<String, Set<Long>> byDomain = new HashMap<>();
    private final Map<String, Set<Long>> byNameKey = new HashMap<>();
    private final Map<String, Set<Long>> byWord = new HashMap<>();

    /**
     * Adds or replaces a team.
     *
     * @param mergeable false for merged-away teams: they take no records
     * @param teams     the team's effective view and each source record's team
     */
    void put(long id, String name, boolean mergeable, Set<String> scopes, Collection<Team> teams) {
        remove(id);
        Set<String> handles = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> nameKeys = new HashSet<>();
        Set<Set<String>> words = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Team t : teams) {
            Entry e = describe(t);
            handles.addAll(e.handles());
            emails.addAll(e.emails());
            domains.addAll(e.mailDomains());
            nameKeys.addAll(e.nameKeys());
            words.addAll(e.nameWords());
            countries.addAll(e.countries());
        }
        Entry entry = new Entry(id, name, mergeable, Set.copyOf(scopes), handles, emails, domains, nameKeys, words, countries);
        entries.put(id, entry);
        handles.forEach(h -> index(byHandle, h, id));
        emails.forEach(m -> index(byEmail, m, id));
        domains.forEach(d -> index(byDomain, d, id));
        nameKeys.forEach(n -> index(byNameKey, n, id));
        words.forEach(ws -> ws.forEach(w -> index(byWord, w, id)));
    }

    void remove(long id) {
        Entry old = entries.remove(id);
        if (old == null) {
            return;
        }
        old.handles().forEach(h -> unindex(byHandle, h, id));
        old.emails().forEach(m -> unindex(byEmail, m, id));
        old.mailDomains().forEach(d -> unindex(byDomain, d, id));
        old.nameKeys().forEach(n -> unindex(byNameKey, n, id));
        old.nameWords().forEach(ws -> ws.forEach(w -> unindex(byWord, w, id)));
    }

    /** Finds the team a record from the given source belongs to. */
    Decision match(Team t, String scope) {
        Entry probe = describe(t);
        Map<Long, String> strong = new LinkedHashMap<>();
        for (String h : probe.handles()) {
            byHandle.getOrDefault(h, Set.of()).forEach(id -> strong.putIfAbsent(id, "same " + h.replaceFirst(":", " ")));
        }
        for (String m : probe.emails()) {
            byEmail.getOrDefault(m, Set.of()).forEach(id -> strong.putIfAbsent(id, "same e-mail address " + m));
        }
        Map<Long, String> sameNameElsewhere = new LinkedHashMap<>();
        for (String n : probe.nameKeys()) {
            for (long id : byNameKey.getOrDefault(n, Set.of())) {
                Entry e = entries.get(id);
                if (probe.countries().isEmpty() || e.countries().isEmpty() || intersects(probe.countries(), e.countries())) {
                    strong.putIfAbsent(id, "same name");
                } else {
                    sameNameElsewhere.put(id, "same name, another country");
                }
            }
        }
        strong.keySet().removeIf(id -> !entries.get(id).mergeable() || entries.get(id).scopes().contains(scope));

        List<MatchCandidate> near = new ArrayList<>();
        Long chosen = strong.size() == 1 ? strong.keySet().iterator().next() : null;
        if (strong.size() > 1) {
            strong.forEach((id, why) -> near.add(candidate(t, id, why + ", but so do others")));
        }
        Map<Long, String> weak = weak(probe);
        sameNameElsewhere.forEach(weak::putIfAbsent);
        weak.forEach((id, why) -> {
            if (!id.equals(chosen) && !strong.containsKey(id)) {
                near.add(candidate(t, id, why));
            }
        });
        return new Decision(chosen, near);
    }

    private MatchCandidate candidate(Team t, long id, String why) {
        return new MatchCandidate(0, t.shortName(), id, entries.get(id).name(), why);
    }

    /** Teams only alike: one name within the other, or a shared mail domain. */
    private Map<Long, String> weak(Entry probe) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Set<String> words : probe.nameWords()) {
            for (String word : distinctive(words)) {
                Set<Long> sharing = byWord.getOrDefault(word, Set.of());
                if (sharing.size() > COMMON) {
                    continue;
                }
                for (long id : sharing) {
                    if (id == probe.id() || out.containsKey(id)) {
                        continue;
                    }
                    for (Set<String> other : entries.get(id).nameWords()) {
                        if (!other.equals(words) && (containsDistinctive(other, words) || containsDistinctive(words, other))) {
                            out.put(id, "one name contains the other");
                        }
                    }
                }
            }
        }
        for (String d : probe.mailDomains()) {
            Set<Long> sharing = byDomain.getOrDefault(d, Set.of());
            for (long id : sharing.size() > COMMON ? Set.<Long>of() : sharing) {
                if (id != probe.id()) {
                    out.putIfAbsent(id, "shared mail domain " + d);
                }
            }
        }
        return out;
    }

    /** True when {@code words} hold every distinctive word of {@code other} (and it has some). */
    private static boolean containsDistinctive(Set<String> words, Set<String> other) {
        Set<String> d = distinctive(other);
        return !d.isEmpty() && words.containsAll(d);
    }

    /** Every pair of active teams that look alike, except those the coordinator kept apart. */
    List<MatchCandidate> nearPairs(Set<Long> candidates, Set<List<Long>> keptApart) {
        List<MatchCandidate> out = new ArrayList<>();
        for (long id : candidates) {
            Entry e = entries.get(id);
            if (e == null) {
                continue;
            }
            weak(e).forEach((other, why) -> {
                if (other > id && candidates.contains(other) && !keptApart.contains(List.of(id, other))) {
                    out.add(new MatchCandidate(id, e.name(), other, entries.get(other).name(), why));
                }
            });
        }
        return out;
    }

    private static Entry describe(Team t) {
        Set<String> handles = new HashSet<>();
        addHandle(handles, "ti handle", t.tiHandle());
        addHandle(handles, "first id", t.firstId());
        addHandle(handles, "irt", t.irtObject());
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (String m : t.emails()) {
            String lc = m.toLowerCase(Locale.ROOT);
            if (Merger.PLACEHOLDER_EMAILS.contains(lc)) {
                continue;
            }
            emails.add(lc);
            String domain = registrableDomain(lc.substring(lc.lastIndexOf('@') + 1));
            if (!SHARED_MAIL_DOMAINS.contains(domain)) {
                domains.add(domain);
            }
        }
        Set<String> nameKeys = new HashSet<>();
        Set<Set<String>> words = new LinkedHashSet<>();
        for (String name : new String[] { t.shortName(), t.officialName() }) {
            List<String> w = words(name);
            if (!w.isEmpty()) {
                nameKeys.add(String.join("", w));
                words.add(new LinkedHashSet<>(w));
            }
        }
        Set<String> countries = t.country() == null ? Set.of() : Set.of(t.country().toUpperCase(Locale.ROOT));
        return new Entry(-1, t.shortName(), true, Set.of(), handles, emails, domains, nameKeys, words, countries);
    }

    private static void addHandle(Set<String> handles, String kind, String value) {
        if (value != null && !value.isBlank()) {
            handles.add(kind + ":" + value.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** Lower-case words of a name without accents; an irt name's {@code IRT-} prefix is dropped. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(List.of(plain.split("[^\\p{Alnum}]+")));
        out.removeIf(String::isEmpty);
        if (out.size() > 1 && out.get(0).equals("irt")) {
            out.remove(0);
        }
        return out;
    }

    private static Set<String> distinctive(Set<String> words) {
        Set<String> out = new HashSet<>(words);
        out.removeAll(GENERIC_WORDS);
        return out;
    }

    /** The name a registrant holds: {@code fr.ey.com → ey.com}, {@code cert.ac.uk → cert.ac.uk}. */
    static String registrableDomain(String host) {
        String[] labels = host.split("\\.");
        if (labels.length <= 2) {
            return host;
        }
        int n = labels.length;
        boolean countrySecondLevel = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
        int keep = countrySecondLevel ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static void unindex(Map<String, Set<Long>> index, String key, long id) {
        Set<Long> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
        }
    }

    private static void index(Map<String, Set<Long>> index, String key, long id) {
        index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
    }
}
