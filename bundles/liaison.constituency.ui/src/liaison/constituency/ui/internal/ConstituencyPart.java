package liaison.constituency.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.constituency.Claim;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadReport;
import liaison.store.Workspace;

/**
 * The Constituency view: explain an address, range, ASN or domain — every claim ranked, the claims
 * that overlap or take over highlighted — and load dumps in a background job with progress. A thin
 * shell over {@link ConstituencyService}, like {@code liaison constituency explain} and {@code load}.
 */
public class ConstituencyPart {

    /** Element id of this part in the application model. */
    public static final String ID = "liaison.constituency.ui.part.constituency";

    private ServiceTracker<ConstituencyService, ConstituencyService> service;
    private ServiceTracker<Workspace, Workspace> workspace;
    private ConstituencyIndex index;
    private Text query;
    private Label status;
    private TableViewer table;
    private Color highlight;

    @PostConstruct
    void create(Composite parent) {
        BundleContext bc = FrameworkUtil.getBundle(ConstituencyPart.class).getBundleContext();
        service = new ServiceTracker<>(bc, ConstituencyService.class, null);
        service.open();
        workspace = new ServiceTracker<>(bc, Workspace.class, null);
        workspace.open();
        highlight = new Color(parent.getDisplay(), 255, 244, 204);

        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText("Address, range, ASN or domain:");
        query = new Text(parent, SWT.BORDER | SWT.SEARCH);
        query.setMessage("192.0.2.1");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addListener(SWT.DefaultSelection, e -> explain());
        Button explain = new Button(parent, SWT.PUSH);
        explain.setText("Explain");
        explain.addListener(SWT.Selection, e -> explain());
        Button load = new Button(parent, SWT.PUSH);
        load.setText("Load dumps…");
        load.addListener(SWT.Selection, e -> chooseAndLoad(parent));

        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(status);

        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(table.getTable());
        column("#", 32, r -> String.valueOf(r.rank()));
        column("Layer", 80, r -> r.claim().layer().name().toLowerCase(Locale.ROOT));
        column("Resource", 200, r -> r.claim().resource());
        column("Why", 420, r -> nonNull(r.claim().note()));
        column("Owner", 140, r -> nonNull(r.claim().owner()));
        column("irt (-c)", 130, r -> nonNull(r.claim().irt()));
        column("Contact", 170, r -> nonNull(r.claim().contact()));
        column("Type", 80, r -> r.claim().objectType());
        column("Source", 150, r -> nonNull(r.claim().source()) + " / " + nonNull(r.claim().dataset()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        showIndexState();
    }

    /** A claim with its rank in the list. */
    record Row(int rank, Claim claim) {
        /** Claims that meet another: a takeover, an overlap with the registry's irt, a rival team. */
        boolean overlapping() {
            String note = claim.note() == null ? "" : claim.note();
            return note.contains("overlaps") || note.contains("taken over") || note.contains("also claimed by");
        }
    }

    private void column(String title, int width, Function<Row, String> text) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public Color getBackground(Object element) {
                return ((Row) element).overlapping() ? highlight : null;
            }
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private Path indexDirectory() {
        Workspace ws = workspace.getService();
        return ws == null ? null : ws.resolve(ConstituencyService.WORKSPACE_DIRECTORY);
    }

    /** The index, opened once and refreshed before each question so loads from the CLI show up. */
    private ConstituencyIndex index() throws LiaisonException {
        ConstituencyService s = service.getService();
        Path dir = indexDirectory();
        if (s == null || dir == null) {
            throw new LiaisonException("the constituency service or the workspace is not available; see the Status view");
        }
        if (index == null) {
            index = s.open(dir);
        } else {
            index.refresh();
        }
        return index;
    }

    private void showIndexState() {
        try {
            ConstituencyIndex idx = index();
            status.setText(idx.datasets().isEmpty() ? "The index in " + idx.location() + " is empty: load RPSL dumps or RIR statistics."
                    : "Index " + idx.location() + ": " + idx.datasets().size() + " datasets, " + idx.ranges() + " ranges.");
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
        status.getParent().layout(true);
    }

    /** Explains the text as if typed into the query field. */
    void explain(String text) {
        query.setText(text);
        explain();
    }

    private void explain() {
        String text = query.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            List<Claim> claims = index().claims(Resource.parse(text));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                rows.add(new Row(i + 1, claims.get(i)));
            }
            table.setInput(rows);
            long overlapping = rows.stream().filter(Row::overlapping).count();
            status.setText(claims.isEmpty() ? "No claims on " + text + "."
                    : claims.size() + " claims on " + text + ", most specific first" + (overlapping > 0 ? "; " + overlapping
                            + " highlighted where claims overlap or a more specific irt takes over." : "."));
        } catch (LiaisonException | RuntimeException e) {
            status.setText(e.getMessage()); // bad input, or an index the view cannot read: say so in place
            table.setInput(List.of());
        }
        status.getParent().layout(true);
    }

    private void chooseAndLoad(Composite parent) {
        FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Load RPSL dumps or RIR statistics");
        dialog.setFilterExtensions(new String[] { "*.gz;*.db;*", "*" });
        if (dialog.open() == null) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String name : dialog.getFileNames()) {
            files.add(Path.of(dialog.getFilterPath(), name));
        }
        load(files);
    }

    /** Loads in a background job; the view refreshes when it is done. */
    private void load(List<Path> files) {
        ConstituencyService s = service.getService();
        Path dir = indexDirectory();
        Display display = query.getDisplay();
        Job job = Job.create("Loading " + files.size() + " file(s) into the constituency index", (IProgressMonitor monitor) -> {
            monitor.beginTask("Loading", files.size() * 1000 + 100);
            int[] reported = { 0 };
            int[] fileIndex = { -1 };
            String[] lastFile = { null };
            try {
                LoadReport report = s.load(dir, files, LoadOptions.STRICT, (file, done, total) -> {
                    if (!file.equals(lastFile[0])) {
                        lastFile[0] = file;
                        fileIndex[0]++;
                    }
                    monitor.subTask(file + (total > 0 ? " " + done * 100 / total + "%" : ""));
                    int target = "index".equals(file) ? files.size() * 1000
                            : fileIndex[0] * 1000 + (total > 0 ? (int) (done * 1000 / total) : 0);
                    if (target > reported[0]) {
                        monitor.worked(target - reported[0]);
                        reported[0] = target;
                    }
                });
                display.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        showIndexState();
                        status.setText(status.getText() + " Loaded " + report.loaded().size() + " file(s) in "
                                + report.took().toMillis() / 1000.0 + " s.");
                    }
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                display.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText("Nothing was loaded: " + e.getMessage());
                    }
                });
                return Status.error(e.getMessage(), e);
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
    }

    /** The rows shown, in rank order. */
    @SuppressWarnings("unchecked")
    List<Row> rows() {
        Object input = table.getInput();
        return input == null ? List.of() : (List<Row>) input;
    }

    String statusText() {
        return status.getText();
    }

    @PreDestroy
    void dispose() {
        if (index != null) {
            index.close();
        }
        service.close();
        workspace.close();
        highlight.dispose();
    }
}
