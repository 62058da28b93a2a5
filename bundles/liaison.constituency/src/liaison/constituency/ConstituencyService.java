package liaison.constituency;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.TeamConstituencies;

/**
 * Loads claims into an index directory and opens it for queries. An index directory holds one
 * dataset per loaded file (named after the file, {@code .gz} dropped) and one merged, memory-mapped
 * index over all of them.
 *
 * <p>Contract: a load is atomic. Loading a file whose dataset name is already present replaces that
 * dataset's claims; the new index becomes visible to readers in one step. When any input is bad
 * ({@link InputException} naming the file and line) or the load fails otherwise, nothing changes:
 * the previous index keeps answering. Loads into one directory are serialised across processes by a
 * file lock. Thread-safe.
 */
public interface ConstituencyService {

    /** The index directory inside a workspace: {@code <workspace>/constituency}. */
    String WORKSPACE_DIRECTORY = "constituency";

    /**
     * Loads RPSL dumps (RIPE split files such as {@code ripe.db.inetnum.gz} or one file of mixed
     * objects) and RIR delegated(-extended) statistics, plain or gzip, in one transaction.
     *
     * @param directory the index directory; created when missing
     * @param files     the files; the kind of each is recognised from its content
     * @param options   how strictly to read
     * @param progress  receives progress while the files are read
     */
    LoadReport load(Path directory, List<Path> files, LoadOptions options, LoadProgress progress) throws LiaisonException;

    /** Replaces the dataset {@code teams.id()} with the teams' constituencies (ranges, ASNs, domains, countries). */
    LoadReport loadTeams(Path directory, TeamConstituencies teams, LoadProgress progress) throws LiaisonException;

    /** The peer directory's teams, when a directory service is installed and running. */
    Optional<TeamConstituencies> directory();

    /**
     * Opens the index in the directory; an empty index when nothing was loaded yet. The returned
     * index follows later loads when {@link ConstituencyIndex#refresh()} is called.
     */
    ConstituencyIndex open(Path directory) throws LiaisonException;
}
