package liaison.simnet.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.model.IpRange;
import liaison.simnet.ScenarioPack;

/**
 * The IANA RDAP bootstrap files (RFC 9224) of a scenario: its address blocks, AS blocks and top-level
 * domains, each pointing at the logical RDAP base of the registry IANA delegated it to — the same
 * URLs as on the Internet, which the endpoints file maps to the simulated servers.
 */
final class BootstrapFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BootstrapFiles() {
    }

    static void write(Path dir, ScenarioPack pack) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<String>> v4 = new LinkedHashMap<>();
        Map<String, List<String>> v6 = new LinkedHashMap<>();
        pack.ipDelegations().forEach((IpRange block, String id) -> (block.first().isV4() ? v4 : v6)
                .computeIfAbsent(base(id), k -> new ArrayList<>()).add(block.text()));
        Map<String, List<String>> asn = new LinkedHashMap<>();
        pack.asDelegations().forEach(d -> asn.computeIfAbsent(base(d.registry()), k -> new ArrayList<>()).add(d.first() + "-" + d.last()));
        Map<String, List<String>> dns = new LinkedHashMap<>();
        pack.domainRegistries().forEach((tld, d) -> dns.computeIfAbsent(d.rdap().toString(), k -> new ArrayList<>()).add(tld));
        write(dir.resolve("ipv4.json"), pack, v4);
        write(dir.resolve("ipv6.json"), pack, v6);
        write(dir.resolve("asn.json"), pack, asn);
        write(dir.resolve("dns.json"), pack, dns);
        ObjectNode tags = header(pack);
        tags.putArray("services");
        Files.writeString(dir.resolve("object-tags.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tags), StandardCharsets.UTF_8);
    }

    private static String base(String registry) {
        return Rir.of(registry).rdap.toString();
    }

    private static ObjectNode header(ScenarioPack pack) {
        return JSON.createObjectNode().put("version", "1.0").put("publication", Instant.now().toString())
                .put("description", "RDAP bootstrap of the simulated Internet of scenario " + pack.id() + " (Liaison drill)");
    }

    private static void write(Path file, ScenarioPack pack, Map<String, List<String>> byBase) throws IOException {
        ObjectNode o = header(pack);
        ArrayNode services = o.putArray("services");
        byBase.forEach((base, entries) -> {
            ArrayNode service = services.addArray();
            entries.forEach(service.addArray()::add);
            service.addArray().add(base);
        });
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
    }
}
