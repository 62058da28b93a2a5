package liaison.directory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Resource;

/**
 * The peer-team directory of one workspace: teams merged from every source, with provenance,
 * history and coordinators' overrides. The command line and the workbench are shells over it.
 *
 * <p>Teams are named by reference: the internal id as text, or the short name (case-insensitive);
 * when several teams share the name, the only active one. A reference naming no team, or several,
 * is refused with {@link IllegalArgumentException} saying so.
 *
 * <p>Writes are transactions: an import either records every change of its snapshot or none; an
 * override is never changed or dropped by a sync. Methods are thread-safe; writes are serialised.
 */
public interface DirectoryService {

    /** The directory sources installed (DS services), by id. */
    List<DirectorySource> sources();

    /**
     * Reads a location with the source of that id and applies the snapshot.
     *
     * @param location a file path or an http(s) URL
     * @throws LiaisonException naming the source and position when the input is bad; nothing is written then
     */
    SyncResult importFrom(String sourceId, String location, boolean dryRun, ProgressListener progress) throws LiaisonException;

    /** Applies a snapshot read elsewhere, in one transaction; a dry run computes the changes and writes nothing. */
    SyncResult apply(SourceSnapshot snapshot, boolean dryRun, ProgressListener progress) throws LiaisonException;

    /** Reads every configured source in turn, each in its own transaction; a failing source does not stop the others. */
    List<SyncOutcome> sync(boolean dryRun, ProgressListener progress) throws LiaisonException;

    /** Teams matching the filter, by short name. */
    List<DirectoryTeam> list(TeamFilter filter) throws LiaisonException;

    /** The team as it is now. */
    DirectoryTeam team(String ref) throws LiaisonException;

    /** The team as it was at an instant (its latest revision made at or before it). */
    DirectoryTeam teamAt(String ref, Instant at) throws LiaisonException;

    /**
     * Teams whose names, handles, e-mail addresses or domains contain the text, or whose
     * constituency covers it (an IP address, a prefix, {@code AS679}, a domain).
     */
    List<DirectoryTeam> search(String text) throws LiaisonException;

    /**
     * Active teams whose constituency covers the resource — an address or range inside one of its
     * ranges, its AS number, a domain (or an e-mail address's domain) under one of its domains —
     * most specific first (smallest range, longest domain).
     */
    List<DirectoryTeam> covering(Resource resource) throws LiaisonException;

    /** Every revision of the team, oldest first. */
    List<Revision> history(String ref) throws LiaisonException;

    /**
     * Sets a coordinator's value for a field; list fields take a comma-separated list.
     *
     * @throws IllegalArgumentException when the value is not valid for the field
     */
    DirectoryTeam override(String ref, Field field, String value) throws LiaisonException;

    /** Drops the coordinator's value; the sources' value applies again. */
    DirectoryTeam removeOverride(String ref, Field field) throws LiaisonException;

    /** Pairs of teams that may be one, left for the coordinator to decide. */
    List<MatchCandidate> matches() throws LiaisonException;

    /**
     * Merges a team into another: its sources, overrides (unless the target has one for the same
     * field) and future imports go to the target; it keeps its history with status {@code merged}.
     */
    DirectoryTeam merge(String ref, String intoRef) throws LiaisonException;

    /** Records that two teams are distinct: they are no longer offered as a match. */
    void keepApart(String ref, String otherRef) throws LiaisonException;

    /** The sources {@link #sync} reads. */
    List<ConfiguredSource> configuredSources() throws LiaisonException;

    /**
     * Adds a source to sync.
     *
     * @param key PEM public key (or null) the source verifies signatures with
     * @throws LiaisonException when no source of that id is installed
     */
    ConfiguredSource addSource(String sourceId, String location, String key) throws LiaisonException;

    /** Stops syncing a source; teams it brought stay until the next sync of their other sources. */
    void removeSource(long id) throws LiaisonException;

    /** Writes the teams matching the filter as {@code json} (one array), {@code csv} or {@code rpsl} (irt objects). */
    void export(String format, TeamFilter filter, Appendable out) throws LiaisonException, IOException;
}
