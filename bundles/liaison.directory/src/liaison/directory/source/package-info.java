/**
 * Helpers for {@link liaison.api.directory.DirectorySource} implementations: reading files and
 * URLs, and JSON lists with positions for error messages.
 */
package liaison.directory.source;
