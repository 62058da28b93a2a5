package liaison.report.ui.internal;

import java.time.Duration;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import liaison.api.LiaisonException;
import liaison.store.Workspaces;

/** What the report views share: the services they are views of, and table columns. */
final class UiServices {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private UiServices() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(UiServices.class).getBundleContext();
    }

    /** A service that is not bound to a workspace (the composer), waiting briefly for it. */
    static <T> T service(Class<T> type) throws LiaisonException {
        return Workspaces.service(context(), type, WAIT);
    }

    /** The service of the workspace the workbench selected (outbox, keys). */
    static <T> T workspaceService(Class<T> type) throws LiaisonException {
        return Workspaces.ofSelected(context(), type, WAIT);
    }

    /** Adds a text column to a table of T. */
    @SuppressWarnings("unchecked")
    static <T> void column(TableViewer table, String title, int width, Function<T, String> text) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String s = text.apply((T) element);
                return s == null ? "" : s;
            }
        });
    }

    static TableViewer table(org.eclipse.swt.widgets.Composite parent) {
        TableViewer table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        return table;
    }

    /**
     * A view's bar: Refresh, one action button and a status line (returned) taking the rest of the
     * width.
     */
    static Label actionBar(Composite parent, Runnable refresh, String action, Runnable act) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Button refreshButton = new Button(bar, SWT.PUSH);
        refreshButton.setText("Refresh");
        refreshButton.addListener(SWT.Selection, e -> refresh.run());
        Button actButton = new Button(bar, SWT.PUSH);
        actButton.setText(action);
        actButton.addListener(SWT.Selection, e -> act.run());
        Label status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        return status;
    }

    /** Runs {@code r} on the UI thread later (from a job), unless the view's control is gone by then. */
    static void later(Control control, Runnable r) {
        if (!control.isDisposed()) {
            control.getDisplay().asyncExec(() -> {
                if (!control.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
