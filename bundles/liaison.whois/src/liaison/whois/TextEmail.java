package liaison.whois;

/**
 * An e-mail address found in free text ({@code remarks:}, {@code descr:}, ARIN {@code Comment:}),
 * with the sentence it was found in, so a reader can judge what it is for.
 *
 * @param email     the address as written
 * @param text      the line it was found in
 * @param attribute the attribute holding the line ({@code remarks}, {@code comment}, ...)
 */
public record TextEmail(String email, String text, String attribute) {
}
