package liaison.bench;

import java.io.IOException;
import java.io.OutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import liaison.replay.WhoisReplay;

/**
 * The resolver benchmark of issue 3: 10 000 addresses drawn from 500 networks, resolved against a
 * local simulated whois server that adds 20 ms to every answer. Reports the queries Liaison sent per
 * distinct address (goal at most 0.05) and its wall time against Debian's {@code whois} client run once
 * per address against the same server (goal at least 20 times faster).
 *
 * <p>The 500 networks are /24 assignments spread over the five RIRs (100 each, in address space the
 * IANA bootstrap gives to that RIR); the server answers each in its registry's format (RPSL with an
 * abuse-c role for RIPE, APNIC and AFRINIC, LACNIC's dialect, ARIN's key: value blocks). Liaison is the
 * built product's {@code liaison lookup --via whois --stdin --json}, whole process included, one
 * connection per registry as the politeness defaults say, no rate limit (the server is ours). Every
 * answer Liaison prints is checked against the network's abuse address.
 */
public final class WhoisBulkBench {

    private static final int NETWORKS_PER_RIR = 100;
    private static final int ADDRESSES_PER_NETWORK = 20;
    private static final long DELAY_MS = 20;

    /** A simulated network: a /24 in a registry's space, its abuse address. */
    private record Network(String registry, int a, int b, int c) {
        String prefix() {
            return a + "." + b + "." + c;
        }

        String abuse() {
            return "abuse@net-" + a + "-" + b + "-" + c + ".example";
        }
    }

    private WhoisBulkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path product = Path.of(args[0]);
        int whoisSample = args.length > 2 && args[1].equals("--whois-sample") ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Random random = new Random(3912);
        Map<String, Integer> firstOctet = Map.of("ripe", 62, "arin", 23, "apnic", 1, "lacnic", 200, "afrinic", 41);
        Map<String, Network> networks = new HashMap<>();
        List<String> addresses = new ArrayList<>();
        for (var rir : firstOctet.entrySet()) {
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < NETWORKS_PER_RIR) {
                Network n = new Network(rir.getKey(), rir.getValue(), 1 + random.nextInt(254), random.nextInt(256));
                if (seen.add(n.prefix())) {
                    networks.put(n.prefix(), n);
                    Set<Integer> hosts = new LinkedHashSet<>();
                    while (hosts.size() < ADDRESSES_PER_NETWORK) {
                        hosts.add(1 + random.nextInt(254));
                    }
                    hosts.forEach(h -> addresses.add(n.prefix() + "." + h));
                }
            }
        }
        Collections.shuffle(addresses, random);

        AtomicInteger queries = new AtomicInteger();
        try (WhoisReplay server = new WhoisReplay("simulated", (query, out, socket) -> answer(query, out, networks, queries))) {
            Path work = Files.createTempDirectory("liaison-bench");
            int port = server.address().getPort();
            StringBuilder endpoints = new StringBuilder();
            for (String host : List.of("whois.ripe.net", "whois.arin.net", "whois.apnic.net", "whois.lacnic.net", "whois.afrinic.net")) {
                endpoints.append(host).append(" = 127.0.0.1:").append(port).append(" connections=1 rate=unlimited retries=0\n");
            }
            Path endpointsFile = Files.writeString(work.resolve("endpoints.conf"), endpoints);
            Path input = Files.write(work.resolve("addresses.txt"), addresses);
            Path output = work.resolve("answers.jsonl");

            System.out.printf(Locale.ROOT, "%d addresses (%d distinct) from %d networks; the server adds %d ms per answer%n",
                    addresses.size(), new LinkedHashSet<>(addresses).size(), networks.size(), DELAY_MS);
            long start = System.nanoTime();
            Process liaison = new ProcessBuilder(product.resolve("liaison").toString(), "--data", work.resolve("ws").toString(), "lookup",
                    "--via", "whois", "--endpoints", endpointsFile.toString(), "--json", "--stdin").redirectInput(input.toFile())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int code = liaison.waitFor();
            double liaisonSeconds = (System.nanoTime() - start) / 1e9;
            int liaisonQueries = queries.get();
            int wrong = check(Files.readAllLines(output), networks);
            if (code != 0 || wrong > 0) {
                throw new IllegalStateException("liaison exited " + code + " with " + wrong + " wrong or missing answers");
            }
            System.out.printf(Locale.ROOT, "liaison lookup: %.1f s, %d queries, %.4f queries per distinct address, every answer right%n",
                    liaisonSeconds, liaisonQueries, liaisonQueries / (double) new LinkedHashSet<>(addresses).size());

            List<String> sample = addresses.subList(0, Math.min(whoisSample, addresses.size()));
            queries.set(0);
            start = System.nanoTime();
            for (String a : sample) {
                Process whois = new ProcessBuilder("whois", "-h", "127.0.0.1", "-p", String.valueOf(port), a)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!whois.waitFor(30, TimeUnit.SECONDS) || whois.exitValue() != 0) {
                    throw new IllegalStateException("whois failed for " + a);
                }
            }
            double whoisSeconds = (System.nanoTime() - start) / 1e9;
            double whoisAll = whoisSeconds * addresses.size() / sample.size();
            System.out.printf(Locale.ROOT, "Debian whois, once per address: %.1f s for %d addresses (%d queries)%s%n", whoisSeconds,
                    sample.size(), queries.get(), sample.size() < addresses.size()
                            ? String.format(Locale.ROOT, ", %.1f s for all %d at that rate", whoisAll, addresses.size()) : "");
            System.out.printf(Locale.ROOT, "liaison is %.0f times faster%n", whoisAll / liaisonSeconds);
            delete(work);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Counts the lines whose best contact is not the network's abuse address. */
    private static int check(List<String> lines, Map<String, Network> networks) {
        int wrong = 0;
        for (String line : lines) {
            String query = field(line, "\"query\":\"");
            String email = field(line, "\"contacts\":[{\"role\":\"abuse\",\"email\":\"");
            Network n = query == null ? null : networks.get(query.substring(0, query.lastIndexOf('.')));
            if (n == null || !n.abuse().equals(email)) {
                wrong++;
            }
        }
        return wrong + Math.max(0, NETWORKS_PER_RIR * 5 * ADDRESSES_PER_NETWORK - lines.size());
    }

    private static String field(String line, String prefix) {
        int i = line.indexOf(prefix);
        return i < 0 ? null : line.substring(i + prefix.length(), line.indexOf('"', i + prefix.length()));
    }

    /** Answers like the registry whose space the address is in, after the simulated delay. */
    private static void answer(String query, OutputStream out, Map<String, Network> networks, AtomicInteger queries)
            throws IOException, InterruptedException {
        queries.incrementAndGet();
        Thread.sleep(DELAY_MS);
        String[] words = query.strip().split("\\s+");
        String address = words[words.length - 1];
        Network n = address.lastIndexOf('.') > 0 ? networks.get(address.substring(0, address.lastIndexOf('.'))) : null;
        String text = n == null ? "%ERROR:101: no entries found\n" : switch (n.registry()) {
            case "arin" -> arin(n);
            case "lacnic" -> lacnic(n);
            default -> rpsl(n);
        };
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rpsl(Network n) {
        String range = n.prefix() + ".0 - " + n.prefix() + ".255";
        String source = n.registry().toUpperCase(Locale.ROOT);
        String handle = "AR" + n.b() + "-" + n.c() + "-" + source;
        return "% This is a simulated " + source + " Database query service.\n\n% Information related to '" + range + "'\n\n"
                + "% Abuse contact for '" + range + "' is '" + n.abuse() + "'\n\n"
                + "inetnum:        " + range + "\nnetname:        NET-" + n.b() + "-" + n.c() + "\ncountry:        NL\n"
                + "admin-c:        " + handle + "\ntech-c:         " + handle + "\nabuse-c:        " + handle + "\n"
                + "status:         ASSIGNED PA\nmnt-by:         EXAMPLE-MNT\nsource:         " + source + "\n\n"
                + "role:           Abuse desk\naddress:        Example Street 1\nnic-hdl:        " + handle + "\n"
                + "abuse-mailbox:  " + n.abuse() + "\nmnt-by:         EXAMPLE-MNT\nsource:         " + source + "\n";
    }

    private static String lacnic(Network n) {
        String handle = "EX" + n.b() + "C" + n.c();
        return "% Joint Whois - whois.lacnic.net\n\ninetnum:     " + n.prefix() + "/24\nstatus:      assigned\nowner:       Example "
                + n.b() + "\nownerid:     BR-EX" + n.b() + "-LACNIC\ncountry:     BR\nowner-c:     " + handle + "\ntech-c:      " + handle
                + "\nabuse-c:     " + handle + "\n\nnic-hdl:     " + handle + "\nperson:      Example Abuse\ne-mail:      " + n.abuse()
                + "\ncountry:     BR\n";
    }

    private static String arin(Network n) {
        String org = "EX-" + n.b() + "-" + n.c();
        return "\nNetRange:       " + n.prefix() + ".0 - " + n.prefix() + ".255\nCIDR:           " + n.prefix() + ".0/24\n"
                + "NetName:        EXAMPLE-" + n.b() + "-" + n.c() + "\nNetType:        Reassigned\nOrganization:   Example (" + org + ")\n\n"
                + "OrgName:        Example\nOrgId:          " + org + "\nCountry:        US\n\n"
                + "OrgAbuseHandle: AB" + n.c() + "-ARIN\nOrgAbuseName:   Abuse\nOrgAbuseEmail:  " + n.abuse() + "\n";
    }

}
