/**
 * Reading ARF (RFC 5965) abuse feedback reports: {@link liaison.report.arf.ArfReader}.
 */
package liaison.report.arf;
