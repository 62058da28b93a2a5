package liaison.report.ui.internal;

import java.time.Duration;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
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
}
