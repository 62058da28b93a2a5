package liaison.report.ui.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import liaison.api.LiaisonException;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.mail.Outbox;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.GroupBy;
import liaison.report.Grouping;
import liaison.report.LintFinding;
import liaison.report.ReportComposer;

/**
 * The composer: IntelMQ events in, one row per report; the selected report previewed live in the
 * chosen format with the linter's findings below it; sign and encrypt toggles; queue into the outbox.
 * Reading and composing run in jobs; the view is a shell over {@link ReportComposer}.
 */
public class ComposerPart {

    private Combo format;
    private Combo groupBy;
    private Button sign;
    private Button encrypt;
    private Label status;
    private TableViewer reports;
    private Text preview;
    private TableViewer findings;
    private Path events;
    private ReportComposer composer;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(9).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Events\u2026");
        open.addListener(SWT.Selection, e -> chooseEvents(parent));
        new Label(bar, SWT.NONE).setText("Format:");
        format = new Combo(bar, SWT.READ_ONLY);
        new Label(bar, SWT.NONE).setText("Group by:");
        groupBy = new Combo(bar, SWT.READ_ONLY);
        groupBy.setItems("contact", "source");
        groupBy.select(0);
        sign = new Button(bar, SWT.CHECK);
        sign.setText("Sign");
        sign.setSelection(true);
        encrypt = new Button(bar, SWT.CHECK);
        encrypt.setText("Encrypt");
        Button queue = new Button(bar, SWT.PUSH);
        queue.setText("Queue all");
        queue.addListener(SWT.Selection, e -> queueAll());
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        reports = UiServices.table(sash);
        UiServices.<Report>column(reports, "Ticket", 150, Report::ticketId);
        UiServices.<Report>column(reports, "Type", 120, r -> r.type().type());
        UiServices.<Report>column(reports, "Events", 60, r -> Integer.toString(r.evidence().size()));
        UiServices.<Report>column(reports, "Recipients", 260, r -> String.join(", ", r.recipients()));
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        preview = new Text(right, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        findings = UiServices.table(right);
        UiServices.<LintFinding>column(findings, "", 70, f -> f.severity() == LintFinding.Severity.ERROR ? "\u2716 error" : "\u26A0 warning");
        UiServices.<LintFinding>column(findings, "Check", 140, LintFinding::code);
        UiServices.<LintFinding>column(findings, "Finding", 520, LintFinding::message);
        right.setWeights(3, 1);
        sash.setWeights(2, 3);

        reports.addSelectionChangedListener(e -> refreshPreview());
        format.addListener(SWT.Selection, e -> regroup());
        groupBy.addListener(SWT.Selection, e -> regroup());
        sign.addListener(SWT.Selection, e -> refreshPreview());
        encrypt.addListener(SWT.Selection, e -> refreshPreview());
        try {
            composer = UiServices.service(ReportComposer.class);
            format.setItems(composer.formats().stream().map(ReportFormat::id).toArray(String[]::new));
            format.select(Math.max(0, format.indexOf("text")));
            status.setText("Choose a file of IntelMQ events (JSON Lines).");
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
    }

    private void chooseEvents(Composite parent) {
        FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.jsonl;*.json", "*" });
        String file = dialog.open();
        if (file != null) {
            open(Path.of(file));
        }
    }

    /** Reads the events file and lists its reports (in a job). */
    void open(Path file) {
        events = file;
        regroup();
    }

    /** The report rows shown, the preview text and the lint codes of the selected report: what a person sees. */
    record Shown(int reports, String preview, List<String> findings, String status) {
    }

    @SuppressWarnings("unchecked")
    Shown shown() {
        List<LintFinding> found = (List<LintFinding>) findings.getInput();
        return new Shown(reports.getTable().getItemCount(), preview.getText(),
                found == null ? List.of() : found.stream().map(LintFinding::code).toList(), status.getText());
    }

    void select(int row) {
        reports.getTable().select(row);
        refreshPreview();
    }

    void selectFormat(String id) {
        format.select(format.indexOf(id));
        regroup();
    }

    /** What the toolbar says, as compose options; the reporter comes from our key. */
    private ComposeOptions options() throws LiaisonException {
        Optional<KeyInfo> key = UiServices.workspaceService(PgpService.class).ownKey();
        String email = key.map(KeyInfo::email).orElse("cert@example.org");
        Reporter reporter = new Reporter(key.map(KeyInfo::name).orElse("(no key yet: liaison pgp generate)"), key.map(KeyInfo::name).orElse(null),
                email, null, key.map(KeyInfo::fingerprint).orElse(null));
        return new ComposeOptions(format.getText(), groupBy.getSelectionIndex() == 1 ? GroupBy.SOURCE : GroupBy.CONTACT,
                sign.getSelection(), encrypt.getSelection(), false, Tlp.AMBER, reporter, null, 0);
    }

    private void regroup() {
        if (events == null || composer == null) {
            return;
        }
        ComposeOptions options;
        try {
            options = options();
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
            return;
        }
        Path file = events;
        status.setText("Reading " + file.getFileName() + "\u2026");
        Job.create("Grouping " + file.getFileName(), (IProgressMonitor monitor) -> {
            try (InputStream in = Files.newInputStream(file)) {
                Grouping g = composer.group(composer.readEvents(file.toString(), in), options);
                UiServices.later(preview, () -> {
                    reports.setInput(g.reports());
                    status.setText(g.reports().size() + " report(s) from " + file.getFileName()
                            + (g.unrouted().isEmpty() ? "" : "; " + g.unrouted().size() + " event(s) without contact"));
                    if (!g.reports().isEmpty()) {
                        reports.getTable().select(0);
                        refreshPreview();
                    }
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                UiServices.later(preview, () -> status.setText(e.getMessage()));
                return Status.info(e.getMessage());
            }
        }).schedule();
    }

    private Report selected() {
        Object first = ((IStructuredSelection) reports.getSelection()).getFirstElement();
        return first instanceof Report r ? r : null;
    }

    /** Renders the selected report in the chosen format, and lints it with the toggles as they are. */
    private void refreshPreview() {
        Report r = selected();
        if (r == null || composer == null) {
            return;
        }
        try {
            ComposeOptions options = options();
            RenderedReport rendered = composer.render(r, options.format());
            StringBuilder text = new StringBuilder("Subject: ").append(rendered.subject()).append("\n");
            for (RenderedReport.Part p : rendered.parts()) {
                text.append("\n\u2500\u2500 ").append(p.mediaType()).append(p.filename() == null ? "" : "  (" + p.filename() + ")").append(" \u2500\u2500\n");
                text.append(p.mediaType().toLowerCase(Locale.ROOT).matches("(text|message|application/(json|xml)).*")
                        ? new String(p.content(), StandardCharsets.UTF_8) : "(" + p.content().length + " bytes)").append('\n');
            }
            preview.setText(text.toString());
            List<LintFinding> found = composer.lint(r, options);
            findings.setInput(found);
        } catch (LiaisonException e) {
            preview.setText(e.getMessage());
            findings.setInput(List.of());
        }
    }

    private void queueAll() {
        @SuppressWarnings("unchecked")
        List<Report> all = (List<Report>) reports.getInput();
        if (all == null || all.isEmpty()) {
            return;
        }
        ComposeOptions options;
        Outbox outbox;
        try {
            options = options();
            outbox = UiServices.workspaceService(Outbox.class);
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
            return;
        }
        Job.create("Queueing " + all.size() + " report(s)", (IProgressMonitor monitor) -> {
            int queued = 0;
            for (Report r : all) {
                try {
                    if (outbox.enqueue(composer.compose(r, options).message())) {
                        queued++;
                    }
                } catch (LiaisonException e) {
                    UiServices.later(preview, () -> status.setText(r.ticketId() + ": " + e.getMessage()));
                    return Status.info(e.getMessage());
                }
            }
            int done = queued;
            UiServices.later(preview, () -> status.setText(done + " report(s) queued; send them from the Outbox view"));
            return Status.OK_STATUS;
        }).schedule();
    }
}
