/**
 * The domain model shared by every Liaison bundle and extension: resources an incident names
 * ({@link liaison.api.model.Resource}), contact candidates with role, provenance and confidence
 * ({@link liaison.api.model.ContactCandidate}), teams and their contact channels
 * ({@link liaison.api.model.Team}, {@link liaison.api.model.ContactChannel}). All types are
 * immutable and safe to share between threads.
 */
package liaison.api.model;
