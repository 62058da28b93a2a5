package liaison.directory;

/**
 * Which teams a listing, export or feed shows. Null components do not filter.
 *
 * @param country        ISO 3166 alpha-2 code
 * @param classification {@code listed}, {@code accredited} or {@code certified}
 * @param source         a source id ({@code ti}) or qualified id ({@code feed:CERT-EE}) that must list the team
 * @param includeRemoved whether teams no source lists any more are included
 */
public record TeamFilter(String country, String classification, String source, boolean includeRemoved) {

    /** Every active team. */
    public static final TeamFilter ACTIVE = new TeamFilter(null, null, null, false);

    /** Every team, removed ones too. */
    public static final TeamFilter ALL = new TeamFilter(null, null, null, true);
}
