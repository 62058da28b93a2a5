package liaison.api.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A security team (CSIRT, PSIRT, abuse desk) as one source describes it: the unit of the peer
 * directory. Fields a source does not know are null (or empty lists). Sources produce Teams; the
 * directory merges them, keeps each value's provenance and applies coordinators' overrides.
 *
 * @param sourceKey        the team's key in its source (TI handle, FIRST id, irt name); never null
 * @param shortName        short name ("CERT-EE")
 * @param officialName     official name
 * @param hostOrganisation the organisation hosting the team
 * @param country          ISO 3166 alpha-2 country code, upper case
 * @param established      date the team was established
 * @param tiHandle         Trusted Introducer handle
 * @param tiClassification TI classification: {@code listed}, {@code accredited} or {@code certified}
 * @param tiSince          date of the current TI classification
 * @param firstId          FIRST team id
 * @param firstMembership  FIRST membership kind ({@code full}, {@code liaison}, ...)
 * @param teamType         FIRST team type ({@code national}, {@code commercial}, ...)
 * @param irtObject        name of the team's RIPE-style irt object
 * @param constituency     what the team serves
 * @param businessHours    business hours as the source writes them
 * @param timeZone         IANA time zone of the team
 * @param postalAddress    postal address, lines joined with newlines
 * @param rfc2350Url       URL of the RFC 2350 description
 * @param securityTxtUrl   URL of the team's security.txt
 * @param channels         contact channels
 * @param pgpKeys          the team's PGP keys
 */
public record Team(String sourceKey, String shortName, String officialName, String hostOrganisation, String country,
        LocalDate established, String tiHandle, String tiClassification, LocalDate tiSince, String firstId,
        String firstMembership, String teamType, String irtObject, Constituency constituency, String businessHours,
        ZoneId timeZone, String postalAddress, String rfc2350Url, String securityTxtUrl,
        List<ContactChannel> channels, List<PgpKey> pgpKeys) {

    public Team {
        if (sourceKey == null || sourceKey.isBlank()) {
            throw new IllegalArgumentException("a team needs its key in the source");
        }
        constituency = constituency == null ? Constituency.EMPTY : constituency;
        channels = channels == null ? List.of() : List.copyOf(channels);
        pgpKeys = pgpKeys == null ? List.of() : List.copyOf(pgpKeys);
    }

    /** The e-mail addresses among the channels, in order. */
    public List<String> emails() {
        return channels.stream().filter(c -> c.type() == ChannelType.EMAIL).map(ContactChannel::value).toList();
    }

    public static Builder builder(String sourceKey) {
        return new Builder(sourceKey);
    }

    public Builder toBuilder() {
        Builder b = new Builder(sourceKey);
        b.shortName = shortName;
        b.officialName = officialName;
        b.hostOrganisation = hostOrganisation;
        b.country = country;
        b.established = established;
        b.tiHandle = tiHandle;
        b.tiClassification = tiClassification;
        b.tiSince = tiSince;
        b.firstId = firstId;
        b.firstMembership = firstMembership;
        b.teamType = teamType;
        b.irtObject = irtObject;
        b.constituency = constituency;
        b.businessHours = businessHours;
        b.timeZone = timeZone;
        b.postalAddress = postalAddress;
        b.rfc2350Url = rfc2350Url;
        b.securityTxtUrl = securityTxtUrl;
        b.channels.addAll(channels);
        b.pgpKeys.addAll(pgpKeys);
        return b;
    }

    /** Builds a {@link Team} field by field; sources fill what they know. */
    public static final class Builder {
        private final String sourceKey;
        private String shortName, officialName, hostOrganisation, country, tiHandle, tiClassification, firstId,
                firstMembership, teamType, irtObject, businessHours, postalAddress, rfc2350Url, securityTxtUrl;
        private LocalDate established, tiSince;
        private Constituency constituency;
        private ZoneId timeZone;
        private final List<ContactChannel> channels = new ArrayList<>();
        private final List<PgpKey> pgpKeys = new ArrayList<>();

        private Builder(String sourceKey) {
            this.sourceKey = sourceKey;
        }

        public Builder shortName(String v) { shortName = v; return this; }
        public Builder officialName(String v) { officialName = v; return this; }
        public Builder hostOrganisation(String v) { hostOrganisation = v; return this; }
        public Builder country(String v) { country = v == null ? null : v.strip().toUpperCase(java.util.Locale.ROOT); return this; }
        public Builder established(LocalDate v) { established = v; return this; }
        public Builder tiHandle(String v) { tiHandle = v; return this; }
        public Builder tiClassification(String v) { tiClassification = v; return this; }
        public Builder tiSince(LocalDate v) { tiSince = v; return this; }
        public Builder firstId(String v) { firstId = v; return this; }
        public Builder firstMembership(String v) { firstMembership = v; return this; }
        public Builder teamType(String v) { teamType = v; return this; }
        public Builder irtObject(String v) { irtObject = v; return this; }
        public Builder constituency(Constituency v) { constituency = v; return this; }
        public Builder businessHours(String v) { businessHours = v; return this; }
        public Builder timeZone(ZoneId v) { timeZone = v; return this; }
        public Builder postalAddress(String v) { postalAddress = v; return this; }
        public Builder rfc2350Url(String v) { rfc2350Url = v; return this; }
        public Builder securityTxtUrl(String v) { securityTxtUrl = v; return this; }
        public Builder channel(ContactChannel v) { channels.add(v); return this; }
        public Builder channels(List<ContactChannel> v) { channels.clear(); channels.addAll(v); return this; }
        public Builder pgpKey(PgpKey v) { pgpKeys.add(v); return this; }
        public Builder pgpKeys(List<PgpKey> v) { pgpKeys.clear(); pgpKeys.addAll(v); return this; }

        public Team build() {
            return new Team(sourceKey, shortName, officialName, hostOrganisation, country, established, tiHandle,
                    tiClassification, tiSince, firstId, firstMembership, teamType, irtObject, constituency,
                    businessHours, timeZone, postalAddress, rfc2350Url, securityTxtUrl, channels, pgpKeys);
        }
    }
}
