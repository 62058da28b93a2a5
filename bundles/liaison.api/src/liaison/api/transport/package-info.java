/**
 * Extension point for delivering reports: {@link liaison.api.transport.Transport}, chosen per
 * recipient by the outbox.
 */
package liaison.api.transport;
