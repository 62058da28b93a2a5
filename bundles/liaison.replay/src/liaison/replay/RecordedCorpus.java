package liaison.replay;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replay servers for every registry, answering with the recorded answers of the shared test corpus
 * (see its SOURCES.md): ipwhois' raw whois and RDAP answers of the five RIRs, weppos' ARIN referral
 * answers, the JPNIC and KRNIC answers (recorded from their web gateways, whose {@code <pre>} block is
 * the port-43 text), whoisit's and 20c's RDAP objects, nicinfo's recorded ARIN response. Queries
 * without a recording get the registry's own "nothing found" wording.
 */
public final class RecordedCorpus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PRE = Pattern.compile("(?is)<pre[^>]*>(.*?)</pre>");

    /** What each registry says when it has nothing for a query. */
    private static final Map<String, String> NOT_FOUND = Map.of(
            "whois.ripe.net", "% This is the RIPE Database query service.\n\n%ERROR:101: no entries found\n%\n% No entries found in source RIPE.\n",
            "whois.apnic.net", "% [whois.apnic.net]\n\n%ERROR:101: no entries found\n%\n% No entries found in source APNIC.\n",
            "whois.afrinic.net", "% This is the AfriNIC Whois server.\n\n%ERROR:101: no entries found\n%\n% No entries found in source AFRINIC.\n",
            "whois.arin.net", "#\n# ARIN WHOIS data and services are subject to the Terms of Use\n#\n\nNo match found for the query.\n",
            "whois.lacnic.net", "% Joint Whois - whois.lacnic.net\n\n% No match found\n",
            "whois.nic.ad.jp", "[ JPNIC database provides information regarding IP address and ASN. Its use   ]\n\nNo match!!\n",
            "whois.kisa.or.kr", "query : \n\n# ENGLISH\n\nNo match found.\n",
            "whois.iana.org", "% IANA WHOIS server\n% for more information on IANA, visit http://www.iana.org\n\n% This query returned 0 objects.\n",
            "rwhois.servernap.net:4321", "%rwhois V-1.5:003fff:00 rwhois.servernap.net\n%error 230 No Objects Found\n");

    /**
     * What a registry's whois server says when it has nothing for a query, in its own words.
     *
     * @param server the whois host ({@code whois.ripe.net})
     * @return the text, or a generic one for servers not known here
     */
    public static String notFound(String server) {
        return NOT_FOUND.getOrDefault(server, "% No entries found.\n");
    }

    private static final Map<String, String> RIR_HOSTS = Map.of("ripencc", "whois.ripe.net", "arin", "whois.arin.net", "apnic",
            "whois.apnic.net", "lacnic", "whois.lacnic.net", "afrinic", "whois.afrinic.net");

    private final Map<String, WhoisReplay> whois = new LinkedHashMap<>();
    private final RdapReplay rdap;

    private RecordedCorpus(RdapReplay rdap) {
        this.rdap = rdap;
    }

    /**
     * Starts the replay servers with the recordings of a corpus directory.
     *
     * @param corpus the shared corpus ({@code liaison.corpus})
     */
    public static RecordedCorpus start(Path corpus) throws IOException {
        RecordedCorpus c = new RecordedCorpus(new RdapReplay());
        try {
            c.load(corpus);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void load(Path corpus) throws IOException {
        Map<String, Map<String, String>> answers = new HashMap<>();
        NOT_FOUND.keySet().forEach(h -> answers.put(h, new LinkedHashMap<>()));
        JsonNode recorded = JSON.readTree(corpus.resolve("ipwhois/whois.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext();) {
            var e = it.next();
            String host = RIR_HOSTS.get(e.getValue().path("asn_data").path("asn_registry").asText());
            answers.get(host).put(e.getKey(), e.getValue().path("response").asText());
        }
        Path weppos = corpus.resolve("weppos-whois/referrals");
        answers.get("whois.arin.net").put("144.134.121.81", read(weppos.resolve("arin_referral_apnic.txt")));
        answers.get("whois.arin.net").put("130.66.76.222", read(weppos.resolve("arin_referral_whois.txt")));
        answers.get("whois.arin.net").put("69.65.39.166", read(weppos.resolve("arin_referral_rwhois.txt")));
        answers.get("whois.arin.net").put("4.2.2.1", read(weppos.resolve("arin_referral_missing.txt")));
        answers.get("whois.nic.ad.jp").put("133.1.2.5", gateway(corpus.resolve("ipwhois/jpnic.json"), "133.1.2.5"));
        answers.get("whois.kisa.or.kr").put("115.1.2.3", gateway(corpus.resolve("ipwhois/krnic.json"), "115.1.2.3"));
        for (var e : answers.entrySet()) {
            Charset charset = e.getKey().equals("whois.nic.ad.jp") ? Charset.forName("ISO-2022-JP")
                    : e.getKey().equals("whois.ripe.net") || e.getKey().equals("whois.apnic.net") ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8;
            whois.put(e.getKey(), new WhoisReplay(e.getKey(), Responders.recorded(e.getValue(), charset, NOT_FOUND.get(e.getKey()))));
        }

        JsonNode rdapRecorded = JSON.readTree(corpus.resolve("ipwhois/rdap.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = rdapRecorded.fields(); it.hasNext();) {
            var e = it.next();
            String registry = e.getValue().path("asn_data").path("asn_registry").asText();
            rdap.add(JSON.writeValueAsString(e.getValue().path("response")), rdapBase(registry));
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(corpus.resolve("whoisit"), "data_rdap_response_*.json")) {
            for (Path f : sorted(files)) {
                rdap.add(read(f), null);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(corpus.resolve("20c-rdap/data/rdap/autnum"), "*.input")) {
            for (Path f : sorted(files)) {
                rdap.add(read(f), null);
            }
        }
        String nicinfo = read(corpus.resolve("nicinfo/spec/recorded_responses/ip_108_45_128_208.txt"));
        rdap.add(nicinfo.substring(nicinfo.indexOf("\n{") + 1), null);
    }

    private static List<Path> sorted(DirectoryStream<Path> files) {
        List<Path> list = new ArrayList<>();
        files.forEach(list::add);
        list.sort(null);
        return list;
    }

    /** The RDAP base of a registry as the IANA bootstrap names it (for recordings without a self link). */
    private static String rdapBase(String registry) {
        return switch (registry) {
            case "ripencc" -> "https://rdap.db.ripe.net/";
            case "arin" -> "https://rdap.arin.net/registry/";
            case "apnic" -> "https://rdap.apnic.net/";
            case "lacnic" -> "https://rdap.lacnic.net/rdap/";
            case "afrinic" -> "https://rdap.afrinic.net/rdap/";
            default -> throw new IllegalArgumentException("unknown registry " + registry);
        };
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    /** The port-43 text of an NIR web gateway page: its {@code <pre>} block without markup. */
    private static String gateway(Path json, String key) throws IOException {
        String html = JSON.readTree(json.toFile()).path(key).path("response").asText();
        Matcher m = PRE.matcher(html);
        String pre = m.find() ? m.group(1) : html;
        return pre.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replace("\r\n", "\n");
    }

    /** The replay of one whois server ({@code whois.ripe.net}, {@code rwhois.servernap.net:4321}). */
    public WhoisReplay whois(String server) {
        WhoisReplay r = whois.get(server);
        if (r == null) {
            throw new IllegalArgumentException("no replay for " + server);
        }
        return r;
    }

    public RdapReplay rdap() {
        return rdap;
    }

    /**
     * An endpoints file mapping every replayed server here.
     *
     * @param settings politeness settings appended to each line ({@code rate=unlimited}), or empty
     */
    public String endpoints(String settings) {
        StringBuilder sb = new StringBuilder("# replay servers of the recorded test corpus\n");
        String suffix = settings == null || settings.isBlank() ? "" : " " + settings.strip();
        whois.values().forEach(w -> sb.append(w.endpointLine()).append(suffix).append('\n'));
        rdap.endpointLines().forEach(l -> sb.append(l).append(suffix).append('\n'));
        return sb.toString();
    }

    /** Every query line the whois replays received, per server. */
    public Map<String, List<String>> whoisQueries() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        whois.forEach((k, v) -> out.put(k, v.queries()));
        return out;
    }

    @Override
    public void close() throws IOException {
        for (WhoisReplay w : whois.values()) {
            w.close();
        }
        rdap.close();
    }
}
