/**
 * The constituency mapper: one offline index of who claims which address space, ASN, domain and
 * country — RPSL registry objects (inetnum, inet6num, aut-num with their irt, abuse-c and
 * organisation), RIR delegated statistics and the teams of the peer directory — answering ripe-254's
 * {@code -c}, RIPE's abuse-c rule and "which team covers this?" without asking a registry.
 * {@link liaison.constituency.ConstituencyService} loads and opens indexes;
 * {@link liaison.constituency.ConstituencyIndex} answers.
 */
package liaison.constituency;
