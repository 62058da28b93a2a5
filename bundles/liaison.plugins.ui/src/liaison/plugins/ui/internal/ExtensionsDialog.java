package liaison.plugins.ui.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import liaison.api.LiaisonException;
import liaison.plugins.PluginManager;
import liaison.plugins.PluginManager.InstalledFeature;

/**
 * Lists the installed features and installs or removes extension features through the
 * {@link PluginManager}; p2 runs in a Job, and changes take effect at the next start.
 */
final class ExtensionsDialog extends Dialog {

    private final ServiceTracker<PluginManager, PluginManager> manager;
    private TableViewer table;
    private Label status;

    ExtensionsDialog(Shell parent) {
        super(parent);
        manager = new ServiceTracker<>(FrameworkUtil.getBundle(ExtensionsDialog.class).getBundleContext(), PluginManager.class, null);
        manager.open();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Extensions");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        table = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(720, 300).applyTo(table.getTable());
        column("Feature", 300, InstalledFeature::id);
        column("Version", 180, InstalledFeature::version);
        column("Name", 240, f -> f.name() + (f.builtIn() ? "" : " (extension)"));
        table.setContentProvider(ArrayContentProvider.getInstance());

        Button install = new Button(area, SWT.PUSH);
        install.setText("Install from Repository...");
        install.addListener(SWT.Selection, e -> install());
        Button remove = new Button(area, SWT.PUSH);
        remove.setText("Remove");
        remove.addListener(SWT.Selection, e -> remove());
        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        run("Reading installed features", m -> null);
        return area;
    }

    private void column(String title, int width, java.util.function.Function<InstalledFeature, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((InstalledFeature) element);
            }
        });
    }

    private void install() {
        DirectoryDialog chooser = new DirectoryDialog(getShell());
        chooser.setText("p2 repository directory (cancel to enter a URL)");
        String dir = chooser.open();
        String location = dir;
        if (location == null) {
            InputDialog url = new InputDialog(getShell(), "Install extension", "p2 repository URL:", "https://", null);
            if (url.open() != OK) {
                return;
            }
            location = url.getValue();
        }
        InputDialog features = new InputDialog(getShell(), "Install extension", "Feature ids (comma-separated):", "", null);
        if (features.open() != OK || features.getValue().isBlank()) {
            return;
        }
        URI repository = dir != null ? Path.of(dir).toUri() : URI.create(location);
        List<String> ids = Arrays.stream(features.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        run("Installing " + String.join(", ", ids), m -> manager().install(repository, ids, m::subTask));
    }

    private void remove() {
        List<String> ids = ((IStructuredSelection) table.getSelection()).stream().map(o -> ((InstalledFeature) o).id()).toList();
        if (ids.isEmpty() || !MessageDialog.openConfirm(getShell(), "Remove extensions", "Remove " + String.join(", ", ids) + "?")) {
            return;
        }
        run("Removing " + String.join(", ", ids), m -> manager().remove(ids, m::subTask));
    }

    private PluginManager manager() throws LiaisonException {
        PluginManager m = manager.getService();
        if (m == null) {
            throw new LiaisonException("the plugin installer service is not available");
        }
        return m;
    }

    @FunctionalInterface
    private interface Step {
        Object run(IProgressMonitor monitor) throws LiaisonException;
    }

    /** Runs a p2 step as a Job, then refreshes the list; errors are shown in one line. */
    private void run(String name, Step step) {
        status.setText(name + "...");
        Job job = Job.create(name, monitor -> {
            String message;
            List<InstalledFeature> features = null;
            try {
                Object changed = step.run(monitor);
                features = manager().list();
                message = changed == null ? "" : name + ": done; restart Liaison to use the change.";
            } catch (LiaisonException e) {
                message = e.getMessage();
            }
            List<InstalledFeature> shown = features;
            String text = message;
            getShell().getDisplay().asyncExec(() -> {
                if (!table.getTable().isDisposed()) {
                    if (shown != null) {
                        table.setInput(shown);
                    }
                    status.setText(text);
                    status.getParent().layout();
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }

    @Override
    public boolean close() {
        manager.close();
        return super.close();
    }
}
