package liaison.whois.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import liaison.api.model.IpRange;
import liaison.whois.ContactRef;
import liaison.whois.NetworkRecord;
import liaison.whois.TextEmail;

/** Collects a {@link NetworkRecord} while an answer is read line by line. */
final class NetworkBuilder {
    final String type;
    final String key;
    IpRange range;
    Long asFirst;
    Long asLast;
    String name;
    String country;
    String status;
    String org;
    String source;
    Instant lastModified;
    final List<ContactRef> contacts = new ArrayList<>();
    final List<TextEmail> textEmails = new ArrayList<>();
    final List<String> remarks = new ArrayList<>();

    NetworkBuilder(String type, String key) {
        this.type = type;
        this.key = key;
    }

    void contact(String attribute, String handle) {
        if (handle != null && !handle.isBlank()) {
            contacts.add(new ContactRef(attribute, handle.strip()));
        }
    }

    void remark(String attribute, String line) {
        remarks.add(line);
        Text.collectEmails(attribute, line, textEmails);
    }

    void asRange(long[] r) {
        if (r != null) {
            asFirst = r[0];
            asLast = r[1];
        }
    }

    NetworkRecord build() {
        return new NetworkRecord(type, key, range, asFirst, asLast, name, country, status, org, contacts, textEmails,
                lastModified, source, remarks);
    }
}
