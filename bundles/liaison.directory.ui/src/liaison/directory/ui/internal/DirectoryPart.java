package liaison.directory.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.SyncOutcome;
import liaison.directory.SyncResult;
import liaison.directory.TeamFilter;

/**
 * The Directory view: the peer teams in a table with search, country and classification filters and
 * classification badges; import a file, sync the configured sources (a dry run first, its diff
 * shown, then applied), open a team in its editor.
 */
public class DirectoryPart {

    /** Element id of the view in the application model. */
    public static final String ID = "liaison.directory.ui.part.directory";

    /** The team editor's part descriptor. */
    static final String TEAM_EDITOR = "liaison.directory.ui.partdescriptor.team";

    /** Persisted-state key of the team an editor shows. */
    static final String TEAM_ID = "teamId";

    private static final String ANY = "(any)";

    @Inject
    EPartService partService;

    @Inject
    UISynchronize ui;

    private Directories directories;
    private Text search;
    private Combo country;
    private Combo classification;
    private Button removed;
    private Label summary;
    private TableViewer table;

    @PostConstruct
    void create(Composite parent) {
        directories = new Directories(() -> ui.asyncExec(() -> {
            if (table != null && !table.getControl().isDisposed()) {
                refresh();
            }
        }));
        parent.setLayout(new GridLayout(9, false));
        new Label(parent, SWT.NONE).setText("Search:");
        search = new Text(parent, SWT.BORDER | SWT.SEARCH);
        search.setMessage("name, address, domain, IP or AS");
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(search);
        search.addListener(SWT.DefaultSelection, e -> refresh());
        new Label(parent, SWT.NONE).setText("Country:");
        country = new Combo(parent, SWT.READ_ONLY);
        country.addListener(SWT.Selection, e -> refresh());
        new Label(parent, SWT.NONE).setText("Classification:");
        classification = new Combo(parent, SWT.READ_ONLY);
        classification.add(ANY);
        Field.CLASSIFICATIONS.forEach(classification::add);
        classification.select(0);
        classification.addListener(SWT.Selection, e -> refresh());
        removed = new Button(parent, SWT.CHECK);
        removed.setText("Removed teams");
        removed.addListener(SWT.Selection, e -> refresh());
        button(parent, "Import\u2026", this::importFile);
        button(parent, "Sync\u2026", this::sync);

        summary = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(9, 1).applyTo(summary);

        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(9, 1).applyTo(table.getTable());
        column("Team", 180, DirectoryTeam::shortName);
        column("Official name", 260, t -> t.team().officialName());
        column("Country", 60, t -> t.team().country());
        TableViewerColumn badge = new TableViewerColumn(table, SWT.NONE);
        badge.getColumn().setText("TI");
        badge.getColumn().setWidth(90);
        badge.setLabelProvider(new ClassificationBadge());
        column("Status", 70, t -> t.status().id());
        column("E-mail", 220, t -> String.join(", ", t.emails()));
        column("Sources", 160, t -> String.join(", ", t.sources()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof DirectoryTeam t) {
                openTeam(t);
            }
        });
        refresh();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String title, int width, Function<DirectoryTeam, String> text) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String s = text.apply((DirectoryTeam) element);
                return s == null ? "" : s;
            }
        });
    }

    /** The TI classification as a coloured badge: certified green, accredited blue, listed grey. */
    private static final class ClassificationBadge extends ColumnLabelProvider {
        @Override
        public String getText(Object element) {
            String c = ((DirectoryTeam) element).team().tiClassification();
            return c == null ? "" : c;
        }

        @Override
        public Color getBackground(Object element) {
            String c = ((DirectoryTeam) element).team().tiClassification();
            if (c == null) {
                return null;
            }
            return switch (c) {
                case "certified" -> new Color(0xc8, 0xe6, 0xc9);
                case "accredited" -> new Color(0xbb, 0xde, 0xfb);
                default -> new Color(0xe0, 0xe0, 0xe0);
            };
        }
    }

    /** Re-reads the teams with the current search and filters. */
    public void refresh() {
        try {
            DirectoryService d = directories.service();
            String text = search.getText().strip();
            List<DirectoryTeam> teams = text.isEmpty() ? d.list(removed.getSelection() ? TeamFilter.ALL : TeamFilter.ACTIVE)
                    : d.search(text).stream().filter(t -> removed.getSelection() || t.status() == DirectoryTeam.Status.ACTIVE).toList();
            fillCountries(teams);
            String cc = country.getSelectionIndex() > 0 ? country.getItem(country.getSelectionIndex()) : null;
            String level = classification.getSelectionIndex() > 0 ? classification.getItem(classification.getSelectionIndex()) : null;
            List<DirectoryTeam> shown = teams.stream().filter(t -> cc == null || cc.equals(t.team().country()))
                    .filter(t -> level == null || level.equals(t.team().tiClassification())).toList();
            table.setInput(shown);
            long conflicts = shown.stream().filter(t -> !t.conflicts().isEmpty()).count();
            summary.setText(shown.size() + " of " + teams.size() + " teams" + (conflicts == 0 ? ""
                    : "; " + conflicts + " with overrides in conflict with their sources"));
        } catch (LiaisonException | IllegalArgumentException e) {
            table.setInput(List.of());
            summary.setText(e.getMessage());
        }
        summary.getParent().layout();
    }

    private void fillCountries(List<DirectoryTeam> teams) {
        String selected = country.getSelectionIndex() > 0 ? country.getItem(country.getSelectionIndex()) : null;
        TreeSet<String> codes = new TreeSet<>();
        teams.forEach(t -> {
            if (t.team().country() != null) {
                codes.add(t.team().country());
            }
        });
        country.removeAll();
        country.add(ANY);
        codes.forEach(country::add);
        country.select(selected != null && codes.contains(selected) ? country.indexOf(selected) : 0);
    }

    /** Sets the filters (null: any), then refreshes; as the controls do. */
    public void filter(String text, String countryCode, String level, boolean includeRemoved) {
        search.setText(text == null ? "" : text);
        removed.setSelection(includeRemoved);
        refresh();
        country.select(countryCode == null ? 0 : Math.max(0, country.indexOf(countryCode.toUpperCase(Locale.ROOT))));
        classification.select(level == null ? 0 : Math.max(0, classification.indexOf(level)));
        refresh();
    }

    /** The teams shown, in order. */
    @SuppressWarnings("unchecked")
    public List<DirectoryTeam> shown() {
        Object input = table.getInput();
        return input == null ? List.of() : new ArrayList<>((List<DirectoryTeam>) input);
    }

    /** Opens (or shows again) the editor of a team. */
    public MPart openTeam(DirectoryTeam t) {
        for (MPart p : partService.getParts()) {
            if (TEAM_EDITOR.equals(p.getElementId()) && String.valueOf(t.id()).equals(p.getPersistedState().get(TEAM_ID))) {
                partService.showPart(p, PartState.ACTIVATE);
                return p;
            }
        }
        MPart part = partService.createPart(TEAM_EDITOR);
        part.getPersistedState().put(TEAM_ID, String.valueOf(t.id()));
        part.setLabel(t.shortName());
        return partService.showPart(part, PartState.ACTIVATE);
    }

    private void importFile() {
        DirectoryService d;
        try {
            d = directories.service();
        } catch (LiaisonException e) {
            MessageDialog.openError(table.getControl().getShell(), "Import", e.getMessage());
            return;
        }
        ImportDialog dialog = new ImportDialog(table.getControl().getShell(),
                d.sources().stream().map(DirectorySource::id).toList());
        if (dialog.open() != ImportDialog.OK) {
            return;
        }
        String source = dialog.source();
        String location = dialog.location();
        Job.create("Import " + source + " " + location, monitor -> {
            monitor.beginTask("Reading " + location, JobProgress.UNKNOWN);
            try {
                SyncResult r = d.importFrom(source, location, false, JobProgress.listener(monitor));
                StringBuilder text = new StringBuilder();
                Directories.describe(r, text);
                ui.asyncExec(() -> {
                    refresh();
                    new ResultDialog(table.getControl().getShell(), "Imported", text.toString(), false).open();
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                ui.asyncExec(() -> MessageDialog.openError(table.getControl().getShell(), "Import failed, nothing written", e.getMessage()));
                return Status.info(e.getMessage());
            } finally {
                monitor.done();
            }
        }).schedule();
    }

    /** A dry run first; its diff is shown, and applied when the coordinator agrees. */
    private void sync() {
        DirectoryService d;
        try {
            d = directories.service();
        } catch (LiaisonException e) {
            MessageDialog.openError(table.getControl().getShell(), "Sync", e.getMessage());
            return;
        }
        syncJob(d, true).schedule();
    }

    private Job syncJob(DirectoryService d, boolean dryRun) {
        return Job.create(dryRun ? "Directory sync (dry run)" : "Directory sync", monitor -> {
            monitor.beginTask(dryRun ? "Reading the sources" : "Syncing the sources", JobProgress.UNKNOWN);
            try {
                List<SyncOutcome> outcomes = d.sync(dryRun, JobProgress.listener(monitor));
                String text = outcomes.isEmpty() ? "No sources are configured. Add one with\n"
                        + "liaison directory sources add ti|first|nrtm4|feed|... LOCATION [--key PUBKEY]" : Directories.describe(outcomes);
                ui.asyncExec(() -> {
                    refresh();
                    if (dryRun && !outcomes.isEmpty()) {
                        if (new ResultDialog(table.getControl().getShell(), "Sync: what would change", text, true).open() == ResultDialog.OK) {
                            syncJob(d, false).schedule();
                        }
                    } else {
                        new ResultDialog(table.getControl().getShell(), "Sync", text, false).open();
                    }
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                ui.asyncExec(() -> MessageDialog.openError(table.getControl().getShell(), "Sync failed", e.getMessage()));
                return new Status(IStatus.ERROR, "liaison.directory.ui", e.getMessage(), e);
            } finally {
                monitor.done();
            }
        });
    }

    @PreDestroy
    void dispose() {
        directories.close();
    }
}
