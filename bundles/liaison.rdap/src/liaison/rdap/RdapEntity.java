package liaison.rdap;

import java.time.Instant;
import java.util.List;

/**
 * An RDAP entity (a contact, organisation, registrar, irt) with the entities nested in it: ARIN puts
 * its abuse POC under the registrant, gTLD registries the registrar's abuse contact under the registrar.
 *
 * @param handle       the handle, or null
 * @param roles        roles towards the object that holds it ({@code abuse}, {@code technical}, ...)
 * @param vcard        its contact card, or null when it has none or it was malformed
 * @param entities     nested entities
 * @param remarks      its remarks
 * @param lastChanged  its {@code last changed} event, or null
 */
public record RdapEntity(String handle, List<String> roles, Jcard vcard, List<RdapEntity> entities, List<RdapNotice> remarks,
        Instant lastChanged) {
    public RdapEntity {
        roles = List.copyOf(roles);
        entities = List.copyOf(entities);
        remarks = List.copyOf(remarks);
    }
}
