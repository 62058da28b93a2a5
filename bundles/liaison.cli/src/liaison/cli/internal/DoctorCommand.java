package liaison.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.health.HealthReport;
import liaison.health.HealthReport.ComponentState;
import liaison.health.HealthService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liaison doctor}: can this installation work? Shows the JDK, the workspace, the store and every
 * Declarative Services component; exits 1 when a Liaison component is not satisfied.
 */
@Command(name = "doctor", description = "Check the JDK, the workspace, the store and every DS component.")
public class DoctorCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--all", description = "List the platform's components too (Eclipse, Apache, OSGi), not only Liaison's and third parties'.")
    boolean all;

    public DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        String workspaceError = null;
        try {
            context.workspace();
        } catch (LiaisonException e) {
            workspaceError = e.getMessage();
        }
        HealthReport report = context.service(HealthService.class).check();
        if (context.json()) {
            var json = context.jsonMapper().valueToTree(report);
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("ok", report.ok());
            context.emitJson(json);
        } else {
            printText(report, workspaceError);
        }
        if (!report.ok()) {
            context.err().println("liaison: doctor found " + report.problems().size() + " problem(s); the first: "
                    + report.problems().get(0));
            return 1;
        }
        return 0;
    }

    private void printText(HealthReport r, String workspaceError) {
        PrintWriter out = context.out();
        out.printf("%-4s %-10s %s (%s) at %s%n", mark(r.javaOk()), "java", r.javaVersion(), r.javaVendor(), r.javaHome());
        out.printf("%-4s %-10s %s%n", mark(workspaceError == null), "workspace",
                workspaceError == null ? context.dataDirectory() : workspaceError);
        if (r.storeError() == null) {
            out.printf("%-4s %-10s Derby at %s, schema versions %s%n", mark(true), "store", r.storeLocation(), r.schemas());
        } else {
            out.printf("%-4s %-10s %s%n", mark(false), "store", r.storeError());
        }
        long liaison = r.components().stream().filter(ComponentState::liaison).count();
        long satisfied = r.components().stream().filter(c -> c.liaison() && c.satisfied()).count();
        out.printf("%-4s %-10s %d of %d Liaison components satisfied; %d components in all%n", mark(liaison == satisfied),
                "components", satisfied, liaison, r.components().size());
        for (ComponentState c : r.components()) {
            if (!all && !c.liaison() && c.satisfied() && isPlatform(c.bundle())) {
                continue;
            }
            out.printf("       %-4s %-56s %-24s %s%s%n", mark(c.satisfied()), c.name(), c.state(), c.bundle(),
                    c.detail() == null ? "" : "  (" + c.detail() + ")");
        }
        out.println(r.ok() ? "Liaison is ready." : r.problems().size() + " problem(s):");
        r.problems().forEach(p -> out.println("  - " + p));
    }

    /** Bundles of the platform Liaison runs on; their satisfied components are summarised unless --all. */
    private static boolean isPlatform(String bundle) {
        return bundle.startsWith("org.eclipse.") || bundle.startsWith("org.apache.") || bundle.startsWith("org.osgi.");
    }

    private static String mark(boolean ok) {
        return ok ? "ok" : "FAIL";
    }
}
