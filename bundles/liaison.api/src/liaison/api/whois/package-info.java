/**
 * Extension point for registries whose whois answers Liaison cannot read: a
 * {@link liaison.api.whois.WhoisAnswerParser} translates one server's answers into RPSL objects,
 * which Liaison then interprets by the rules it applies to the RIRs (ripe-254 {@code mnt-irt},
 * {@code abuse-c}, organisations, remarks).
 */
package liaison.api.whois;
