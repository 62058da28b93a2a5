package liaison.health;

import java.util.List;
import java.util.Map;

/**
 * The state of this installation, as {@code liaison doctor} and the workbench's Status view show it.
 *
 * @param javaVersion   runtime version
 * @param javaVendor    runtime vendor
 * @param javaHome      runtime location
 * @param javaOk        whether the runtime is new enough
 * @param workspace     workspace directory, or null when none is selected
 * @param storeLocation database directory, or null when the store is unavailable
 * @param schemas       schema version per module, empty when the store is unavailable
 * @param storeError    why the store is unavailable, or null
 * @param components    every DS component of the framework, Liaison's first
 * @param problems      one line per problem; empty when Liaison can work
 */
public record HealthReport(String javaVersion, String javaVendor, String javaHome, boolean javaOk, String workspace,
        String storeLocation, Map<String, Integer> schemas, String storeError, List<ComponentState> components,
        List<String> problems) {

    public HealthReport {
        schemas = Map.copyOf(schemas);
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * One Declarative Services component configuration.
     *
     * @param name      component name
     * @param bundle    symbolic name of the declaring bundle
     * @param state     {@code active}, {@code satisfied}, {@code unsatisfied (reference)}, ...
     * @param satisfied whether it can provide its services
     * @param liaison   whether it belongs to Liaison (its bundle's name starts with {@code liaison.})
     * @param services  the service interfaces it provides
     * @param detail    what it is missing or why it failed, or null
     */
    public record ComponentState(String name, String bundle, String state, boolean satisfied, boolean liaison,
            List<String> services, String detail) {

        public ComponentState {
            services = List.copyOf(services);
        }
    }
}
