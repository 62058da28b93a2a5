/**
 * Extension point for {@code liaison triage}: {@link liaison.api.triage.LogExtractor}s turn logs into
 * {@link liaison.api.triage.Observation}s naming {@link liaison.api.triage.Indicator}s.
 */
package liaison.api.triage;
