package liaison.constituency;

/** Which registry ranges a range query returns, after the RIPE database's query flags. */
public enum RangeScope {
    /** The exact range or else the smallest containing it (a plain lookup). */
    SMALLEST,
    /** Only the exact range ({@code -x}). */
    EXACT,
    /** One level less specific, the exact match excluded ({@code -l}). */
    ONE_LESS,
    /** Every less specific range, the exact match included ({@code -L}). */
    ALL_LESS,
    /** First-level more specific ranges ({@code -m}). */
    ONE_MORE,
    /** Every more specific range ({@code -M}). */
    ALL_MORE,
    /** The smallest containing range that has {@code mnt-irt} ({@code -c}, ripe-254). */
    IRT
}
