package liaison.report;

/** How events become reports. */
public enum GroupBy {
    /** One report per recipient and incident type (the default). */
    CONTACT,
    /** One report per recipient, incident type and source address (as CESNET asks). */
    SOURCE
}
