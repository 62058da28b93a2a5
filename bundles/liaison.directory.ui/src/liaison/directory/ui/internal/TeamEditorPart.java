package liaison.directory.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import liaison.api.LiaisonException;
import liaison.api.model.CandidateFlag;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.FieldOverride;
import liaison.directory.Origin;
import liaison.directory.Revision;

/**
 * A team's editor: every value with the sources it came from, overrides (set, removed, and their
 * conflicts with the sources), and the team's history.
 */
public class TeamEditorPart {

    private final Directories directories = new Directories();
    private long teamId;
    private MPart part;
    private Label header;
    private TableViewer values;
    private TableViewer revisions;
    private Text revisionText;
    private DirectoryTeam team;

    @PostConstruct
    void create(Composite parent, MPart part) {
        this.part = part;
        teamId = Long.parseLong(part.getPersistedState().get(DirectoryPart.TEAM_ID));
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        TabItem fieldsTab = new TabItem(tabs, SWT.NONE);
        fieldsTab.setText("Fields");
        Composite fields = new Composite(tabs, SWT.NONE);
        fields.setLayout(new GridLayout(3, false));
        fieldsTab.setControl(fields);
        values = new TableViewer(fields, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        values.getTable().setHeaderVisible(true);
        values.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(values.getTable());
        column(values, "Field", 150, (DirectoryTeam.Value v) -> v.field().id());
        column(values, "Value", 300, (DirectoryTeam.Value v) -> v.value().replace("\n", " / "));
        column(values, "Details", 200, DirectoryTeam.Value::detail);
        column(values, "Sources", 260, TeamEditorPart::sources);
        column(values, "Notes", 260, this::notes);
        values.setContentProvider(ArrayContentProvider.getInstance());
        button(fields, "Override\u2026", this::askOverride);
        button(fields, "Remove override", () -> {
            DirectoryTeam.Value v = selected();
            if (v != null) {
                removeOverride(v.field());
            }
        });
        button(fields, "Refresh", this::refresh);

        TabItem historyTab = new TabItem(tabs, SWT.NONE);
        historyTab.setText("History");
        SashForm sash = new SashForm(tabs, SWT.VERTICAL);
        historyTab.setControl(sash);
        revisions = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        revisions.getTable().setHeaderVisible(true);
        column(revisions, "Revision", 70, (Revision r) -> Integer.toString(r.number()));
        column(revisions, "At", 230, (Revision r) -> r.at().toString());
        column(revisions, "Cause", 500, Revision::cause);
        revisions.setContentProvider(ArrayContentProvider.getInstance());
        revisionText = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        revisions.addSelectionChangedListener(e -> {
            Object r = ((IStructuredSelection) e.getSelection()).getFirstElement();
            revisionText.setText(r instanceof Revision rev ? String.join("\n", rev.changes()) : "");
        });
        sash.setWeights(2, 1);
        refresh();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn col = new TableViewerColumn(viewer, SWT.NONE);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                String s = text.apply((T) element);
                return s == null ? "" : s;
            }
        });
    }

    private static String sources(DirectoryTeam.Value v) {
        List<String> out = new ArrayList<>();
        for (Origin o : v.origins()) {
            out.add(o.isOverride() ? "override (" + o.importedAt() + ")" : o.source() + " (" + o.importedAt() + ")");
        }
        return String.join("; ", out);
    }

    private String notes(DirectoryTeam.Value v) {
        List<String> out = new ArrayList<>();
        v.flags().stream().filter(f -> f != CandidateFlag.OVERRIDDEN).forEach(f -> out.add(f == CandidateFlag.PLACEHOLDER_ADDRESS
                ? "placeholder: not a real address" : f.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        FieldOverride o = team.override(v.field());
        if (o != null && v.flags().contains(CandidateFlag.OVERRIDDEN)) {
            out.add(o.conflict() ? "CONFLICT: " + o.conflictText()
                    : "overridden; the sources say " + (o.sourceValue().isEmpty() ? "nothing" : "'" + o.sourceValue() + "'"));
        }
        return String.join("; ", out);
    }

    private DirectoryTeam.Value selected() {
        Object first = values.getStructuredSelection().getFirstElement();
        return first instanceof DirectoryTeam.Value v ? v : null;
    }

    /** Re-reads the team and its history. */
    public void refresh() {
        try {
            team = directories.service().team(String.valueOf(teamId));
            List<Revision> history = directories.service().history(String.valueOf(teamId));
            part.setLabel(team.shortName());
            header.setText(team.shortName() + " \u2014 " + team.status().id() + ", revision " + team.revision() + " of "
                    + team.changedAt() + "; sources: " + String.join(", ", team.sources())
                    + (team.conflicts().isEmpty() ? "" : "\n" + team.conflicts().size() + " override(s) in conflict with the sources"));
            values.setInput(team.values());
            revisions.setInput(history);
        } catch (LiaisonException | IllegalArgumentException e) {
            header.setText(e.getMessage());
        }
        header.getParent().layout();
    }

    private void askOverride() {
        DirectoryTeam.Value v = selected();
        Field field = v == null ? Field.EMAIL : v.field();
        InputDialog dialog = new InputDialog(values.getControl().getShell(), "Override " + field.cliName(),
                "The coordinator's value wins over every source until removed" + (field.multiValued()
                        ? " (several values: separate them with commas)" : "") + ":", field.text(team.team()), null);
        if (dialog.open() == Window.OK) {
            override(field, dialog.getValue());
        }
    }

    /** Sets an override and shows the result; a refused value is explained. */
    public void override(Field field, String value) {
        try {
            directories.service().override(String.valueOf(teamId), field, value);
        } catch (LiaisonException | IllegalArgumentException e) {
            MessageDialog.openError(values.getControl().getShell(), "Override " + field.cliName(), e.getMessage());
        }
        refresh();
    }

    /** Drops an override; the sources' value applies again. */
    public void removeOverride(Field field) {
        try {
            directories.service().removeOverride(String.valueOf(teamId), field);
        } catch (LiaisonException | IllegalArgumentException e) {
            MessageDialog.openError(values.getControl().getShell(), "Remove override", e.getMessage());
        }
        refresh();
    }

    /** The values shown. */
    public List<DirectoryTeam.Value> shownValues() {
        return team == null ? List.of() : team.values();
    }

    /** The revisions shown. */
    public int revisionCount() {
        return revisions.getTable().getItemCount();
    }

    @PreDestroy
    void dispose() {
        directories.close();
    }
}
