/**
 * A whois server (RFC 3912) answering like the RIPE database from a constituency index, so that
 * standard whois clients — Debian's {@code whois}, scripts, other tools — get ripe-254 {@code -c},
 * abuse contacts and RPSL objects offline. {@link liaison.whoisd.WhoisServerService} starts servers.
 */
package liaison.whoisd;
