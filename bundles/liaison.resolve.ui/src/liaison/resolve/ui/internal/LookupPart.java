package liaison.resolve.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.resolve.Endpoints;
import liaison.resolve.Exchange;
import liaison.resolve.LookupOptions;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Resolution;
import liaison.resolve.Resolver;
import liaison.resolve.Via;
import liaison.store.Workspace;

/**
 * The Lookup view: queries in, ranked contact candidates out, each explained by its path, the chain of
 * queries and the registries' raw answers. Lookups run as a cancellable {@link Job} with progress, over
 * the same {@link Resolver} service as {@code liaison lookup}.
 */
public class LookupPart {

    /** Element id of this part in the application model. */
    public static final String ID = "liaison.resolve.ui.part.lookup";

    private ServiceTracker<Resolver, Resolver> resolvers;
    private ServiceTracker<Workspace, Workspace> workspaces;
    private Display display;
    private Text query;
    private Combo via;
    private Button offline;
    private Text endpoints;
    private Button run;
    private Label status;
    private TableViewer lookups;
    private TableViewer candidates;
    private Text explanation;
    private org.eclipse.swt.widgets.List chain;
    private Text raw;
    private final List<Resolution> resolutions = new ArrayList<>();
    private Job job;

    @PostConstruct
    void create(Composite parent) {
        BundleContext bc = FrameworkUtil.getBundle(LookupPart.class).getBundleContext();
        resolvers = new ServiceTracker<>(bc, Resolver.class, null);
        resolvers.open();
        workspaces = new ServiceTracker<>(bc, Workspace.class, null);
        workspaces.open();
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(1, false));

        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(7, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        new Label(form, SWT.NONE).setText("Query:");
        query = new Text(form, SWT.BORDER | SWT.SINGLE);
        query.setMessage("IP addresses, prefixes, AS numbers or domains, separated by spaces");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addListener(SWT.DefaultSelection, e -> start());
        via = new Combo(form, SWT.READ_ONLY);
        for (Via v : Via.values()) {
            via.add(v.id());
        }
        via.select(0);
        offline = new Button(form, SWT.CHECK);
        offline.setText("Offline");
        offline.setToolTipText("Answer from the cache only; send no query");
        new Label(form, SWT.NONE).setText("Endpoints:");
        endpoints = new Text(form, SWT.BORDER | SWT.SINGLE);
        endpoints.setMessage("endpoints file (optional)");
        endpoints.setToolTipText("Maps whois hosts and RDAP base URLs to other addresses; remembered for this workspace");
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(endpoints);
        run = new Button(form, SWT.PUSH);
        run.setText("Look up");
        run.addListener(SWT.Selection, e -> start());
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        preference().ifPresent(p -> endpoints.setText(p.toString()));

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        lookups = table(sash);
        column(lookups, "Query", 140, r -> ((Resolution) r).query().text());
        column(lookups, "Registry", 70, r -> nz(((Resolution) r).registry()));
        column(lookups, "Tell", 220, r -> ((Resolution) r).failed() ? "failed: " + ((Resolution) r).error()
                : ((Resolution) r).best().map(LookupPart::address).orElse("no contact found"));
        lookups.addSelectionChangedListener(e -> show(selected(lookups, Resolution.class)));

        SashForm right = new SashForm(sash, SWT.VERTICAL);
        candidates = table(right);
        column(candidates, "Confidence", 80, c -> String.format(Locale.ROOT, "%.2f", ((ContactCandidate) c).confidence()));
        column(candidates, "Role", 110, c -> ((ContactCandidate) c).role().id());
        column(candidates, "Contact", 260, c -> address((ContactCandidate) c));
        column(candidates, "Caveats", 160, c -> String.join(", ", ((ContactCandidate) c).flags().stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted().toList()));
        candidates.addSelectionChangedListener(e -> explain(selected(candidates, ContactCandidate.class)));

        TabFolder tabs = new TabFolder(right, SWT.TOP);
        TabItem why = new TabItem(tabs, SWT.NONE);
        why.setText("Explanation");
        explanation = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        why.setControl(explanation);
        TabItem answers = new TabItem(tabs, SWT.NONE);
        answers.setText("Raw answers");
        Composite rawPane = new Composite(tabs, SWT.NONE);
        rawPane.setLayout(new FillLayout(SWT.VERTICAL));
        chain = new org.eclipse.swt.widgets.List(rawPane, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        raw = new Text(rawPane, SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        raw.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        answers.setControl(rawPane);
        chain.addListener(SWT.Selection, e -> showRaw());
        sash.setWeights(35, 65);
        right.setWeights(45, 55);
    }

    private static TableViewer table(Composite parent) {
        TableViewer t = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        t.getTable().setHeaderVisible(true);
        t.getTable().setLinesVisible(true);
        t.setContentProvider(ArrayContentProvider.getInstance());
        return t;
    }

    private static void column(TableViewer t, String title, int width, Function<Object, String> text) {
        TableViewerColumn col = new TableViewerColumn(t, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private java.util.Optional<Path> preference() {
        Workspace ws = workspaces.getService();
        try {
            return ws == null ? java.util.Optional.empty() : ResolvePreferences.endpointsFile(ws.root());
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void start() {
        lookup(query.getText(), Via.of(via.getText()), offline.getSelection(), endpoints.getText().strip());
    }

    /**
     * Looks the queries up in a cancellable job; results appear as they arrive.
     *
     * @return the scheduled job, or null when the input was refused (the reason is shown)
     */
    public Job lookup(String text, Via protocol, boolean cacheOnly, String endpointsFile) {
        Resolver resolver = resolvers.getService();
        if (resolver == null) {
            status.setText("The resolver is not available: no workspace is open (see the Status view).");
            return null;
        }
        List<Resource> resources = new ArrayList<>();
        for (String word : text.strip().split("[\\s,;]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                resources.add(Resource.parse(word));
            } catch (IllegalArgumentException e) {
                status.setText(e.getMessage());
                return null;
            }
        }
        if (resources.isEmpty()) {
            status.setText("Type an IP address, prefix, AS number or domain.");
            return null;
        }
        Endpoints mapping = Endpoints.NONE;
        try {
            if (!endpointsFile.isEmpty()) {
                mapping = Endpoints.load(Path.of(endpointsFile));
            }
            Workspace ws = workspaces.getService();
            if (ws != null) {
                ResolvePreferences.setEndpointsFile(ws.root(), endpointsFile.isEmpty() ? null : Path.of(endpointsFile));
            }
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
            return null;
        }
        if (job != null) {
            job.cancel();
        }
        resolutions.clear();
        lookups.setInput(List.of());
        candidates.setInput(List.of());
        explanation.setText("");
        chain.removeAll();
        raw.setText("");
        status.setText("Looking up " + resources.size() + " resource(s)...");
        Endpoints chosen = mapping;
        job = Job.create("Looking up " + resources.size() + " resource(s)", (ICoreRunnable) monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, resources.size());
            LookupOptions options = new LookupOptions(protocol, cacheOnly, chosen, null, null, monitor::isCanceled);
            resolver.resolveAll(resources, options, r -> {
                synchronized (progress) {
                    progress.subTask(r.query().text());
                    progress.worked(1);
                }
                display.asyncExec(() -> add(r));
            });
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void add(Resolution r) {
        if (lookups.getTable().isDisposed()) {
            return;
        }
        resolutions.add(r);
        lookups.setInput(List.copyOf(resolutions));
        long failed = resolutions.stream().filter(Resolution::failed).count();
        status.setText(resolutions.size() + " looked up" + (failed == 0 ? "" : ", " + failed + " failed"));
        if (resolutions.size() == 1) {
            lookups.getTable().select(0);
            show(r);
        }
    }

    private static <T> T selected(TableViewer viewer, Class<T> type) {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(o) ? type.cast(o) : null;
    }

    private void show(Resolution r) {
        chain.removeAll();
        raw.setText("");
        if (r == null) {
            candidates.setInput(List.of());
            explanation.setText("");
            return;
        }
        candidates.setInput(r.contacts());
        for (Exchange e : r.chain()) {
            chain.add(e.protocol() + "  " + e.server() + "  " + e.query() + (e.cached() ? "  (cached)" : ""));
        }
        chain.setData(r.chain());
        if (!r.contacts().isEmpty()) {
            candidates.getTable().select(0);
            explain(r.contacts().get(0));
        } else {
            explanation.setText(summary(r));
        }
    }

    private void explain(ContactCandidate c) {
        Resolution r = selected(lookups, Resolution.class);
        if (c == null || r == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(address(c)).append("  [").append(c.role().id()).append(String.format(Locale.ROOT, ", confidence %.2f]%n", c.confidence()));
        sb.append("because: ").append(c.pathText()).append('\n');
        sb.append("source:  ").append(c.source()).append('\n');
        if (c.lastModified() != null) {
            sb.append("changed: ").append(c.lastModified()).append('\n');
        }
        sb.append('\n').append(summary(r));
        explanation.setText(sb.toString());
    }

    private static String summary(Resolution r) {
        StringBuilder sb = new StringBuilder();
        if (r.network() != null) {
            sb.append("network: ").append(r.network().range()).append(' ').append(nz(r.network().name()))
                    .append(r.network().country() == null ? "" : ", " + r.network().country()).append('\n');
        }
        if (r.failed()) {
            sb.append("failed: ").append(r.error()).append('\n');
        }
        r.notices().forEach(n -> sb.append("note: ").append(n).append('\n'));
        r.problems().forEach(p -> sb.append("problem: ").append(p).append('\n'));
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private void showRaw() {
        int i = chain.getSelectionIndex();
        List<Exchange> exchanges = (List<Exchange>) chain.getData();
        raw.setText(i < 0 || exchanges == null || i >= exchanges.size() || exchanges.get(i).answer() == null ? ""
                : exchanges.get(i).answer());
    }

    private static String address(ContactCandidate c) {
        String who = c.email() != null ? c.email() : c.phone() != null ? "phone " + c.phone() : "";
        return c.name() == null ? who : who + " (" + c.name() + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The lookups shown, in the order they finished; for tests and accessibility tools. */
    public List<Resolution> resolutions() {
        return List.copyOf(resolutions);
    }

    @PreDestroy
    void dispose() {
        if (job != null) {
            job.cancel();
        }
        resolvers.close();
        workspaces.close();
    }
}
