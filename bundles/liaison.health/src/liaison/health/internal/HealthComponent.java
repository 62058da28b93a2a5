package liaison.health.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import liaison.api.LiaisonException;
import liaison.health.HealthReport;
import liaison.health.HealthReport.ComponentState;
import liaison.health.HealthService;
import liaison.store.Database;
import liaison.store.Workspaces;

/** Collects the health report from the JDK, the store and Felix SCR's runtime view. */
@Component
public class HealthComponent implements HealthService {

    private static final Duration STORE_WAIT = Duration.ofSeconds(5);

    private final BundleContext bundleContext;
    private final ServiceComponentRuntime scr;

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public HealthComponent(BundleContext bundleContext, @Reference ServiceComponentRuntime scr,
            @Reference ConfigurationAdmin configurationAdmin) {
        this.bundleContext = bundleContext;
        this.scr = scr;
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public HealthReport check() {
        List<String> problems = new ArrayList<>();
        int feature = Runtime.version().feature();
        boolean javaOk = feature >= MIN_JAVA;
        if (!javaOk) {
            problems.add("Java " + feature + " is too old; Liaison needs Java " + MIN_JAVA + " or newer");
        }

        String workspace = null;
        String storeLocation = null;
        Map<String, Integer> schemas = Map.of();
        String storeError = null;
        try {
            workspace = Workspaces.configuredPath(configurationAdmin);
            if (workspace == null) {
                storeError = "no workspace selected";
            } else {
                // The database of the selected workspace, not whichever one a dynamic reference last saw.
                Database db = Workspaces.await(bundleContext, Database.class, workspace, STORE_WAIT);
                schemas = db.schemaVersions();
                storeLocation = db.location().toString();
            }
        } catch (LiaisonException e) {
            storeError = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            storeError = "interrupted";
        }
        if (storeError != null) {
            problems.add("store: " + storeError);
        }

        List<ComponentState> components = components();
        for (ComponentState c : components) {
            if (c.liaison() && !c.satisfied()) {
                problems.add("component " + c.name() + " (" + c.bundle() + ") is " + c.state()
                        + (c.detail() == null ? "" : ": " + c.detail()));
            }
        }
        return new HealthReport(Runtime.version().toString(), System.getProperty("java.vendor"),
                System.getProperty("java.home"), javaOk, workspace, storeLocation, schemas, storeError, components, problems);
    }

    private List<ComponentState> components() {
        List<ComponentState> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            Bundle bundle = bundleContext.getBundle(d.bundle.id);
            String bsn = bundle == null ? String.valueOf(d.bundle.id) : bundle.getSymbolicName();
            boolean liaison = bsn.startsWith("liaison.");
            List<String> services = List.of(d.serviceInterfaces);
            if (!scr.isComponentEnabled(d)) {
                out.add(new ComponentState(d.name, bsn, "disabled", false, liaison, services, null));
                continue;
            }
            Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                // Only a component that requires configuration has none yet: it waits for it.
                out.add(new ComponentState(d.name, bsn, "waiting for configuration", false, liaison, services,
                        "configuration " + String.join(", ", d.configurationPid)));
                continue;
            }
            for (ComponentConfigurationDTO c : configs) {
                boolean satisfied = c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE;
                out.add(new ComponentState(d.name, bsn, stateName(c.state), satisfied, liaison, services, detail(d, c)));
            }
        }
        out.sort(Comparator.comparing(ComponentState::liaison).reversed().thenComparing(ComponentState::bundle)
                .thenComparing(ComponentState::name));
        return out;
    }

    private static String detail(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            return c.failure == null ? null : c.failure.lines().findFirst().orElse(null);
        }
        if (c.unsatisfiedReferences != null && c.unsatisfiedReferences.length > 0) {
            List<String> refs = new ArrayList<>();
            for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                // Constructor-injected references have generated names ($000): name the service instead.
                String service = java.util.Arrays.stream(d.references).filter(ref -> ref.name.equals(r.name))
                        .map(ref -> ref.interfaceName).findFirst().orElse(r.name);
                refs.add(service + (r.target == null ? "" : " " + r.target));
            }
            return "missing " + String.join(", ", refs);
        }
        return null;
    }

    static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied (configuration)";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied (reference)";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "state " + state;
        };
    }
}
