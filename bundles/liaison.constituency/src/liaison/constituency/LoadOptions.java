package liaison.constituency;

/**
 * How strictly dumps are read.
 *
 * @param strictAttributes reject objects of the indexed classes (inetnum, inet6num, aut-num, irt, role,
 *                         person, organisation) that carry an attribute their RIPE template does not
 *                         know — the normal case for RIPE dumps; turn off for registries with their
 *                         own attributes (LACNIC, ARIN)
 */
public record LoadOptions(boolean strictAttributes) {

    public static final LoadOptions STRICT = new LoadOptions(true);
    public static final LoadOptions LENIENT = new LoadOptions(false);
}
