package liaison.api.whois;

import java.util.List;

import liaison.api.LiaisonException;

/**
 * Reads the answers of a whois server whose format Liaison does not know — a national registry, a
 * ccTLD, a registry's quirk — by translating them into RPSL objects. Liaison interprets the objects as
 * it interprets the RIPE Database's: the resolver, its explanations, the cache and the whowas history
 * then work for that registry like for the RIRs. The raw answer is kept as the evidence.
 *
 * <p>What Liaison reads from the objects:
 * <ul>
 * <li>resource objects {@code inetnum} (key {@code first - last} or a prefix), {@code inet6num},
 * {@code aut-num}: {@code netname}, {@code country}, {@code status}, {@code org}, {@code source},
 * {@code last-modified}, the contacts named by {@code abuse-c}, {@code tech-c}, {@code admin-c},
 * {@code mnt-irt}, and addresses in {@code remarks}/{@code descr};</li>
 * <li>contact objects {@code irt}, {@code role}, {@code person} (handle in {@code nic-hdl}),
 * {@code organisation} ({@code org-name}, {@code abuse-c}): {@code abuse-mailbox}, {@code e-mail},
 * {@code phone}, {@code remarks};</li>
 * <li>an attribute {@code refer: HOST[:PORT]} in any object: ask that whois server next (a referral).</li>
 * </ul>
 * The objects need not be complete: a contact the answer only names by handle is asked for with the
 * registry's handle query, as for the RIRs.
 *
 * <p>Selection: for each answer, the highest-ranked parser ({@code service.ranking}) that
 * {@link #handles(String) handles} the server's host is used instead of Liaison's built-in readers.
 *
 * <p>Contract: called from the resolver's worker threads, concurrently; implementations must be
 * thread-safe and pure (no network, no files). {@link #handles} must answer at once; {@link #parse} has
 * 10 seconds. An exception or an overrun is contained: the answer is then read by Liaison's built-in
 * readers and the failure is shown with the parser's bundle.
 */
public interface WhoisAnswerParser {

    /** Short, stable id shown in messages ({@code registro-br}). */
    String id();

    /**
     * Whether this parser reads the answers of a whois server.
     *
     * @param host the server's host name in lower case, as Liaison queries it ({@code whois.registro.br})
     */
    boolean handles(String host);

    /**
     * Translates one answer.
     *
     * @param host   the server that answered (lower case)
     * @param query  the query as sent
     * @param answer the answer's text, decoded
     * @return the answer's objects in order; empty when the server has nothing for the query
     * @throws LiaisonException (preferably {@link liaison.api.InputException} naming the line) when the
     *                          answer cannot be read
     */
    List<WhoisObject> parse(String host, String query, String answer) throws LiaisonException;
}
