/**
 * Liaison's plugin API: what third-party bundles compile against. Only interfaces, records,
 * enums and exceptions live here; implementations are Declarative Services components in other
 * bundles. The subpackages hold the domain model ({@code model}) and one package per extension
 * kind: resolver steps, directory sources, report formats and transports.
 */
package liaison.api;
