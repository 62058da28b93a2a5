/**
 * Turns IntelMQ events into reports and reports into messages: {@link liaison.report.ReportComposer}.
 */
package liaison.report;
