package liaison.directory.internal;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import liaison.api.LiaisonException;
import liaison.store.Database;
import liaison.store.StoreException;
import liaison.store.Transactions;

/**
 * The directory's persistence unit on the workspace database. Writes run one at a time (the
 * component serialises them), so ids are the table's maximum plus one.
 */
final class DirectoryStore implements AutoCloseable {

    private final EntityManagerFactory emf;

    DirectoryStore(Database database) throws StoreException {
        this.emf = database.open(new DirectorySchema(), DirectoryStore.class.getClassLoader());
    }

    <T> T read(Function<EntityManager, T> work) throws StoreException {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (PersistenceException e) {
            throw new StoreException("cannot read the directory: " + e.getMessage(), e);
        } finally {
            em.close();
        }
    }

    /**
     * Runs the work in one transaction and commits it, or rolls it back when {@code rollback} is set
     * (a dry run) or the work fails; nothing of a failed write is kept.
     */
    <T> T write(boolean rollback, Transactions.Work<T> work) throws LiaisonException {
        return Transactions.run(emf, "cannot write the directory", rollback, work);
    }

    @Override
    public void close() {
        emf.close();
    }
}
