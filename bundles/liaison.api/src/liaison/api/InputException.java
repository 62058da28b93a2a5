package liaison.api;

/**
 * Bad input — malformed RPSL, broken JSON, a truncated dump, a hostile server's answer — reported
 * with the input's name and the position of the problem, so the analyst can find it. Services that
 * throw it must not have written anything from the failed input.
 */
public class InputException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final long line;
    private final long column;

    /**
     * @param input  what was read: a file path, URL or server name
     * @param line   1-based line, or 0 when the input has no lines (then {@code column} is a byte offset)
     * @param column 1-based column or byte offset, 0 when unknown
     * @param problem what is wrong, without the position (it is added)
     */
    public InputException(String input, long line, long column, String problem) {
        this(input, line, column, problem, null);
    }

    public InputException(String input, long line, long column, String problem, Throwable cause) {
        super(format(input, line, column, problem), cause);
        this.input = input;
        this.line = line;
        this.column = column;
    }

    private static String format(String input, long line, long column, String problem) {
        StringBuilder where = new StringBuilder(input);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        } else if (column > 0) {
            where.append(" at byte ").append(column);
        }
        return where + ": " + problem;
    }

    /** The input's name as given by the caller (file, URL or server). */
    public String input() {
        return input;
    }

    /** 1-based line of the problem, 0 when unknown or not line-based. */
    public long line() {
        return line;
    }

    /** 1-based column, or byte offset when {@link #line()} is 0; 0 when unknown. */
    public long column() {
        return column;
    }
}
