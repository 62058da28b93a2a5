/**
 * Extension point for report formats and the format-independent report model.
 */
package liaison.api.report;
