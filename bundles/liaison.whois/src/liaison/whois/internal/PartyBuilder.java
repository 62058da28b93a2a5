package liaison.whois.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import liaison.whois.ContactRef;
import liaison.whois.Party;
import liaison.whois.TextEmail;

/** Collects a {@link Party} while an answer is read line by line. */
final class PartyBuilder {
    final String type;
    String handle;
    String name;
    String phone;
    Instant lastModified;
    final List<String> emails = new ArrayList<>();
    final List<String> abuseMailboxes = new ArrayList<>();
    final List<ContactRef> contacts = new ArrayList<>();
    final List<TextEmail> textEmails = new ArrayList<>();

    PartyBuilder(String type, String handle) {
        this.type = type;
        this.handle = handle;
    }

    void contact(String attribute, String handle) {
        if (handle != null && !handle.isBlank()) {
            contacts.add(new ContactRef(attribute, handle.strip()));
        }
    }

    void email(String value) {
        if (value != null && !value.isBlank()) {
            emails.add(value.strip());
        }
    }

    void phone(String value) {
        if (phone == null && value != null && !value.isBlank()) {
            phone = value.strip();
        }
    }

    Party build() {
        return new Party(type, handle, name, emails, abuseMailboxes, phone, contacts, textEmails, lastModified);
    }
}
