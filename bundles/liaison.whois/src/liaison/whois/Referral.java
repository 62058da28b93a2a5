package liaison.whois;

/**
 * An answer's pointer to another server that knows more: ARIN {@code ReferralServer}/{@code ResourceLink},
 * IANA {@code refer:}, a stub saying the space was transferred, an NIR named in remarks. The query
 * sent there is written for that server's registry.
 *
 * @param server the server to ask next
 * @param reason what in the answer said so, shown in the explanation chain
 */
public record Referral(WhoisServer server, String reason) {
}
