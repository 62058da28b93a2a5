/**
 * Extension point for delivering reports: {@link liaison.api.transport.Transport}.
 */
package liaison.api.transport;
