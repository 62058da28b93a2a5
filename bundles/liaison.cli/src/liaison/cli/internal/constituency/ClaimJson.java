package liaison.cli.internal.constituency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.constituency.Claim;
import liaison.constituency.Mapping;

/** The JSON forms of claims and mappings, with the field names the issue fixes (snake case). */
final class ClaimJson {

    private ClaimJson() {
    }

    static ObjectNode mapping(ObjectMapper json, Mapping m) {
        ObjectNode n = json.createObjectNode();
        n.put("query", m.query());
        n.put("inetnum", m.inetnum() == null ? null : m.inetnum().resource());
        n.put("irt", m.irt());
        n.put("irt_email", m.irtEmail());
        n.put("abuse_mailbox", m.abuseMailbox());
        ArrayNode claims = n.putArray("claims");
        m.claims().forEach(c -> claims.add(claim(json, c)));
        return n;
    }

    static ObjectNode claim(ObjectMapper json, Claim c) {
        ObjectNode n = json.createObjectNode();
        n.put("layer", c.layer().name().toLowerCase(java.util.Locale.ROOT));
        n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("resource", c.resource());
        n.put("object_type", c.objectType());
        n.put("owner", c.owner());
        ArrayNode irts = n.putArray("mnt_irt");
        c.mntIrt().forEach(irts::add);
        n.put("irt", c.irt());
        n.put("abuse_c", c.abuseC());
        n.put("org", c.org());
        n.put("netname", c.netname());
        n.put("country", c.country());
        n.put("status", c.status());
        n.put("contact", c.contact());
        n.put("source", c.source());
        n.put("dataset", c.dataset());
        n.put("imported", c.imported() == null ? null : c.imported().toString());
        n.put("level", c.level());
        n.put("note", c.note());
        return n;
    }
}
