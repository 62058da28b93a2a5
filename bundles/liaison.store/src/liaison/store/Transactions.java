package liaison.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import liaison.api.LiaisonException;

/**
 * Units of work on a persistence unit of the workspace database: one transaction, committed when the
 * work succeeds and rolled back when it fails, so nothing of a failed write is kept.
 */
public final class Transactions {

    /** Work inside a transaction; its own failures roll it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(EntityManager em) throws LiaisonException;
    }

    private Transactions() {
    }

    /**
     * Runs the work in one transaction.
     *
     * @param what     what the work does, for the error message ({@code "outbox: cannot queue LIA-1"})
     * @param rollback roll back even when the work succeeds (a dry run)
     * @throws StoreException when the database refuses the work, with {@code what} and its reason
     */
    public static <T> T run(EntityManagerFactory emf, String what, boolean rollback, Work<T> work) throws LiaisonException {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            if (rollback) {
                em.getTransaction().rollback();
            } else {
                em.getTransaction().commit();
            }
            return result;
        } catch (PersistenceException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
