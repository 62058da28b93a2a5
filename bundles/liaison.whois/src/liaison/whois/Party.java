package liaison.whois;

import java.time.Instant;
import java.util.List;

/**
 * A contact object of an answer: an RPSL role, person, irt, organisation or mntner; an ARIN POC or
 * organisation; a LACNIC or JPNIC handle.
 *
 * @param type           object class ({@code role}, {@code person}, {@code irt}, {@code organisation},
 *                       {@code poc}, {@code org}, {@code handle})
 * @param handle         the handle (nic-hdl, irt name, organisation id, POC handle)
 * @param name           the name, or null
 * @param emails         {@code e-mail:} values as written
 * @param abuseMailboxes {@code abuse-mailbox:} values as written
 * @param phone          the first phone number, or null
 * @param contacts       contacts this object names in turn (an organisation's {@code abuse-c}, ARIN OrgAbuse)
 * @param textEmails     addresses in the object's free text
 * @param lastModified   when the object last changed, or null
 */
public record Party(String type, String handle, String name, List<String> emails, List<String> abuseMailboxes,
        String phone, List<ContactRef> contacts, List<TextEmail> textEmails, Instant lastModified) {

    public Party {
        emails = List.copyOf(emails);
        abuseMailboxes = List.copyOf(abuseMailboxes);
        contacts = List.copyOf(contacts);
        textEmails = List.copyOf(textEmails);
    }

    public List<String> handles(String attribute) {
        return contacts.stream().filter(c -> c.attribute().equals(attribute)).map(ContactRef::handle).toList();
    }

    /** How the object is named in explanations: {@code role AR1-RIPE}. */
    public String label() {
        return type + " " + handle;
    }
}
