/**
 * Extension point for the peer directory: {@link liaison.api.directory.DirectorySource}s read team
 * records from where teams publish them.
 */
package liaison.api.directory;
