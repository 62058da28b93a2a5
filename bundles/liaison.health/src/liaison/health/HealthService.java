package liaison.health;

/**
 * Checks the runtime, the selected workspace's store and every DS component. The CLI's
 * {@code doctor} and the workbench's Status view are both views of this one service.
 */
public interface HealthService {

    /** Liaison needs at least this Java feature release. */
    int MIN_JAVA = 21;

    /** Runs every check now; opens the store when a workspace is selected. */
    HealthReport check();
}
