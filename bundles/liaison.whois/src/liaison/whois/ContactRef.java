package liaison.whois;

/**
 * A reference from a network or organisation to a contact, as the answer wrote it.
 *
 * @param attribute the attribute naming the contact, lower case: RPSL {@code abuse-c}, {@code tech-c},
 *                  {@code admin-c}, {@code mnt-irt}, {@code org}; ARIN {@code orgabuse}, {@code orgtech},
 *                  {@code orgnoc}, {@code rabuse}, {@code rtech}, {@code rnoc}; JPNIC {@code admin-c},
 *                  {@code tech-c}
 * @param handle    the handle referred to ({@code AR1-RIPE}, {@code IRT-EXAMPLE}, {@code ZG39-ARIN})
 */
public record ContactRef(String attribute, String handle) {
}
