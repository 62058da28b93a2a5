package liaison.api.report;

/**
 * The sender of a report, as the receiver must see it to trust and answer it.
 *
 * @param team           our team's name
 * @param name           the handler's name, or null
 * @param email          the address replies go to
 * @param phone          a phone number, or null
 * @param pgpFingerprint fingerprint of the key that signs our reports, or null
 */
public record Reporter(String team, String name, String email, String phone, String pgpFingerprint) {
}
