package liaison.api.resolve;

/**
 * What a registry says about the object holding a looked-up resource: the network (inetnum,
 * NetRange, RDAP ip network), the AS or the domain. Shown next to the contacts so the handler sees
 * whose resource it is.
 *
 * @param registry the registry that answered ({@code ripe}, {@code arin}, {@code jpnic}, ...)
 * @param range    the range or key as the registry writes it ({@code 62.239.237.0 - 62.239.237.255},
 *                 {@code AS3333}, {@code example.com})
 * @param name     the object's name ({@code netname}, {@code NetName}, {@code as-name}), or null
 * @param country  ISO 3166 alpha-2 country code, or null
 */
public record NetworkInfo(String registry, String range, String name, String country) {
}
