package liaison.report;

import liaison.api.report.Reporter;
import liaison.api.report.Tlp;

/**
 * How reports are composed.
 *
 * @param format                 id of the {@link liaison.api.report.ReportFormat} ({@code text}, {@code xarf}, ...)
 * @param groupBy                grouping of events into reports
 * @param sign                   sign with our PGP key (PGP/MIME)
 * @param encrypt                encrypt to the recipients' keys (for sensitive reports)
 * @param csv                    attach the evidence as CSV too
 * @param tlp                    the TLP label of the reports
 * @param reporter               who writes
 * @param ticketPrefix           prefix of ticket ids, letters and digits ({@code LIA})
 * @param maxAddressesPerReport  the most source addresses one report may list before the linter warns
 */
public record ComposeOptions(String format, GroupBy groupBy, boolean sign, boolean encrypt, boolean csv, Tlp tlp,
        Reporter reporter, String ticketPrefix, int maxAddressesPerReport) {

    public static final String DEFAULT_TICKET_PREFIX = "LIA";
    public static final int DEFAULT_MAX_ADDRESSES = 100;

    public ComposeOptions {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("a report format is needed");
        }
        groupBy = groupBy == null ? GroupBy.CONTACT : groupBy;
        tlp = tlp == null ? Tlp.AMBER : tlp;
        ticketPrefix = ticketPrefix == null || ticketPrefix.isBlank() ? DEFAULT_TICKET_PREFIX : ticketPrefix;
        if (!ticketPrefix.matches("[A-Z][A-Z0-9]{0,15}")) {
            throw new IllegalArgumentException("a ticket prefix is 1 to 16 upper-case letters and digits: " + ticketPrefix);
        }
        if (maxAddressesPerReport <= 0) {
            maxAddressesPerReport = DEFAULT_MAX_ADDRESSES;
        }
    }
}
