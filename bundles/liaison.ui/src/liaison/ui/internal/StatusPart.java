package liaison.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import liaison.health.HealthReport;
import liaison.health.HealthReport.ComponentState;
import liaison.health.HealthService;

/**
 * The Status view: the installed Liaison services and their state, from the same
 * {@link HealthService} that {@code liaison doctor} prints.
 */
public class StatusPart {

    /** Element id of this part in the application model. */
    public static final String ID = "liaison.ui.part.status";

    private ServiceTracker<HealthService, HealthService> health;
    private Label summary;
    private TableViewer table;

    @PostConstruct
    void create(Composite parent) {
        BundleContext bc = FrameworkUtil.getBundle(StatusPart.class).getBundleContext();
        health = new ServiceTracker<>(bc, HealthService.class, null);
        health.open();

        parent.setLayout(new GridLayout(2, false));
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());

        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table.getTable());
        column("Component", 380, ComponentState::name);
        column("State", 170, ComponentState::state);
        column("Bundle", 200, ComponentState::bundle);
        column("Services", 320, c -> String.join(", ", c.services()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
    }

    private void column(String title, int width, java.util.function.Function<ComponentState, String> text) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ComponentState) element);
            }
        });
    }

    /** Re-reads the health report; Liaison's own components are listed, the platform's are counted. */
    void refresh() {
        HealthService service = health.getService();
        if (service == null) {
            summary.setText("The health service is not available.");
            table.setInput(new Object[0]);
            return;
        }
        HealthReport report = service.check();
        var liaison = report.components().stream().filter(ComponentState::liaison).toList();
        long satisfied = liaison.stream().filter(ComponentState::satisfied).count();
        summary.setText(String.format("Workspace: %s   Store: %s   Liaison services: %d of %d satisfied%s",
                report.workspace() == null ? "none" : report.workspace(),
                report.storeError() == null ? "ok" : report.storeError(), satisfied, liaison.size(),
                report.ok() ? "" : "   Problems: " + String.join("; ", report.problems())));
        table.setInput(liaison);
        summary.getParent().layout();
    }

    /** The rows currently shown, for tests and accessibility tools. */
    public int rowCount() {
        return table.getTable().getItemCount();
    }

    @PreDestroy
    void dispose() {
        health.close();
    }
}
