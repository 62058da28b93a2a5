/**
 * The peer-team directory: {@link liaison.directory.DirectoryService} merges teams from every
 * {@link liaison.api.directory.DirectorySource}, keeps the provenance of each value, every revision
 * and coordinators' overrides; {@link liaison.directory.TeamJson} is its JSON form.
 */
package liaison.directory;
