package liaison.drill.ui.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import liaison.api.LiaisonException;
import liaison.api.drill.ScenarioDescriptor;
import liaison.drill.DrillService;
import liaison.drill.GroundTruth;
import liaison.drill.ReachDrill;
import liaison.drill.Scoreboard;
import liaison.simnet.Endpoint;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import liaison.simnet.SimEvent;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.simnet.SimulatedInternetService;
import liaison.store.Workspace;

/**
 * The trainer's view of an exercise: start and stop a scenario's simulated Internet (its servers and
 * files listed for the trainees), the trainees' tasks (the attacking sources and where their reports
 * went), the scoreboard with a chart of the recipients' response times, and the reachability drill
 * rounds of the directory.
 */
public class DrillPart {

    /** What the view shows, for tests. */
    public record Shown(String status, List<String> endpoints, int tasks, int reported, int correct, List<Long> chartMinutes,
            int reachTeams) {
    }

    private Combo scenarios;
    private Button start;
    private Button stop;
    private Label status;
    private Text endpoints;
    private TableViewer tasks;
    private TableViewer board;
    private Label debrief;
    private Canvas chart;
    private TableViewer reach;
    private Label reachStatus;
    private List<ScenarioDescriptor> offered = List.of();
    private volatile SimulatedInternet running;
    private volatile Scoreboard scoreboard;
    private List<Long> bars = List.of();

    /** One row of the task list: a source, and where the trainee's reports about it went. */
    record TaskRow(String id, String source, String reportedTo, String replies) {
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        scenarios = new Combo(bar, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(scenarios);
        start = new Button(bar, SWT.PUSH);
        start.setText("Start simulated Internet");
        start.addListener(SWT.Selection, e -> start());
        stop = new Button(bar, SWT.PUSH);
        stop.setText("Stop");
        stop.setEnabled(false);
        stop.addListener(SWT.Selection, e -> stop());
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        TabFolder tabs = new TabFolder(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        SashForm net = new SashForm(tabs, SWT.VERTICAL);
        endpoints = new Text(net, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        tasks = table(net);
        column(tasks, "Task", 50, (TaskRow r) -> r.id());
        column(tasks, "Source", 180, (TaskRow r) -> r.source());
        column(tasks, "Reported to", 260, (TaskRow r) -> r.reportedTo());
        column(tasks, "Answers", 260, (TaskRow r) -> r.replies());
        net.setWeights(2, 3);
        tab(tabs, "Simulated Internet and tasks", net);

        SashForm score = new SashForm(tabs, SWT.VERTICAL);
        board = table(score);
        column(board, "Task", 50, (Scoreboard.TaskScore t) -> t.id());
        column(board, "Source", 150, (Scoreboard.TaskScore t) -> t.resource());
        column(board, "Expected", 210, (Scoreboard.TaskScore t) -> t.expected());
        column(board, "Answer", 210, (Scoreboard.TaskScore t) -> t.answer());
        column(board, "Right", 50, (Scoreboard.TaskScore t) -> t.correct() ? "yes" : "no");
        column(board, "Signed", 55, (Scoreboard.TaskScore t) -> t.reported() ? t.signed() ? "yes" : "no" : "");
        column(board, "Linter", 120, (Scoreboard.TaskScore t) -> !t.reported() ? "" : t.lint().isEmpty() ? "clean" : String.join(", ", t.lint()));
        column(board, "Answers", 200, (Scoreboard.TaskScore t) -> String.join(", ", t.replies()));
        Composite lower = new Composite(score, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(lower);
        debrief = new Label(lower, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(debrief);
        chart = new Canvas(lower, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 160).applyTo(chart);
        chart.addPaintListener(e -> paintChart(e.gc, chart.getClientArea()));
        score.setWeights(3, 2);
        tab(tabs, "Scoreboard", score);

        Composite reachTab = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(reachTab);
        Composite reachBar = new Composite(reachTab, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(reachBar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(reachBar);
        Button refresh = new Button(reachBar, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refreshReach());
        reachStatus = new Label(reachBar, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(reachStatus);
        reach = table(reachTab);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(reach.getTable());
        column(reach, "Team", 180, (ReachDrill.Target t) -> t.team());
        column(reach, "Address", 230, (ReachDrill.Target t) -> t.address());
        column(reach, "Status", 110, (ReachDrill.Target t) -> t.status().id());
        column(reach, "Response time", 110, (ReachDrill.Target t) -> t.responseTime() == null ? "" : duration(t.responseTime()));
        column(reach, "Note", 300, (ReachDrill.Target t) -> t.note());
        tab(tabs, "Reachability drill", reachTab);

        loadScenarios();
        refreshReach();
    }

    private static void tab(TabFolder tabs, String title, org.eclipse.swt.widgets.Control control) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(control);
    }

    private void loadScenarios() {
        try {
            List<String> problems = new ArrayList<>();
            offered = Services.service(DrillService.class).scenarios(problems::add);
            offered.forEach(s -> scenarios.add(s.title() + " (" + s.id() + ")"));
            if (!offered.isEmpty()) {
                scenarios.select(0);
            }
            status.setText(offered.size() + " scenario(s)" + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
    }

    /** Starts the selected scenario's simulated Internet on free ports, in a job. */
    public void start() {
        int i = scenarios.getSelectionIndex();
        if (i < 0 || running != null) {
            return;
        }
        String id = offered.get(i).id();
        start.setEnabled(false);
        status.setText("starting " + id + "\u2026");
        Job.create("Starting the simulated Internet of " + id, (IProgressMonitor monitor) -> {
            try {
                Path session = Services.service(Workspace.class).resolve("drill").resolve(id);
                ScenarioPack pack = Services.service(DrillService.class).open(id, session.resolve("pack"));
                SimulatedInternet net = Services.service(SimulatedInternetService.class).start(pack, new SimnetOptions(0, 1, session));
                running = net;
                net.onEvent(e -> ui(this::refreshScore));
                ui(() -> {
                    showEndpoints(net);
                    refreshScore();
                    stop.setEnabled(true);
                    status.setText(id + " running on 127.0.0.1");
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                ui(() -> {
                    start.setEnabled(true);
                    status.setText(e.getMessage());
                });
                return Status.info(e.getMessage());
            }
        }).schedule();
    }

    /** Stops the simulated Internet; the session log stays for scoring. */
    public void stop() {
        SimulatedInternet net = running;
        running = null;
        if (net != null) {
            net.close();
        }
        if (!start.isDisposed()) {
            start.setEnabled(true);
            stop.setEnabled(false);
            status.setText("stopped; the session log stays in " + (net == null ? "the workspace" : net.sessionLog()));
        }
    }

    private void showEndpoints(SimulatedInternet net) {
        StringBuilder s = new StringBuilder();
        net.endpoints().forEach(e -> s.append(e.line()).append('\n'));
        s.append("\nendpoints ").append(net.endpointsFile()).append("\nbootstrap ").append(net.bootstrapDirectory())
                .append("\nlogs      ").append(net.pack().root().resolve("logs")).append("\ntrainee   ").append(net.pack().trainee().email())
                .append(" (IMAP login ").append(net.pack().trainee().login()).append(", password ").append(net.pack().trainee().password())
                .append(")\n");
        endpoints.setText(s.toString());
    }

    /** Scores the running session again and redraws the tables and the chart. */
    private void refreshScore() {
        SimulatedInternet net = running;
        if (net == null || board.getTable().isDisposed()) {
            return;
        }
        try {
            DrillService drill = Services.service(DrillService.class);
            ScenarioPack pack = net.pack();
            Scoreboard s = drill.score(pack, new SessionLog.Session(pack.id(), net.started(), net.events()), Map.of());
            scoreboard = s;
            GroundTruth truth = drill.truth(pack);
            List<TaskRow> rows = new ArrayList<>();
            for (GroundTruth.Task t : truth.tasks()) {
                Scoreboard.TaskScore score = s.tasks().stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow();
                rows.add(new TaskRow(t.id(), t.resource(), score.answer() == null ? "" : score.answer(), String.join(", ", score.replies())));
            }
            tasks.setInput(rows);
            board.setInput(s.tasks());
            Scoreboard.Debrief d = s.debrief();
            debrief.setText(String.format("%d of %d right; e-mails sent %d, answers %d %s; median time to answer %s; resolved %d",
                    s.correct(), s.tasks().size(), d.emailsSent(), d.replies(), new TreeMap<>(d.kinds()), duration(d.medianReply()),
                    d.resolved()));
            List<Long> minutes = new ArrayList<>();
            for (SimEvent e : net.events()) {
                if (e.type() == SimEvent.Type.REPLY && e.delay() != null) {
                    minutes.add(e.delay().toMinutes());
                }
            }
            bars = minutes;
            debrief.getParent().layout();
            chart.redraw();
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
    }

    /** Horizontal bars: each answer's time after its report, in scenario time, longest scaled to the width. */
    private void paintChart(GC gc, Rectangle area) {
        gc.drawText("Time to answer (scenario time), one bar per answer", 4, 2, true);
        List<Long> b = bars;
        if (b.isEmpty()) {
            return;
        }
        long max = Math.max(1, b.stream().mapToLong(Long::longValue).max().orElse(1));
        int top = 22;
        int h = Math.max(3, Math.min(14, (area.height - top - 4) / b.size() - 2));
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_CYAN));
        for (int i = 0; i < b.size(); i++) {
            String label = duration(Duration.ofMinutes(b.get(i)));
            Point extent = gc.textExtent("0000d 00h");
            int width = (int) ((area.width - extent.x - 12) * (b.get(i) / (double) max));
            int y = top + i * (h + 2);
            gc.fillRectangle(4, y, Math.max(1, width), h);
            gc.drawText(label, 8 + width, y - 1, true);
        }
    }

    /** Reads the reachability rounds of the workspace. */
    public void refreshReach() {
        try {
            List<ReachDrill.Round> rounds = Services.workspaceService(ReachDrill.class).history();
            if (rounds.isEmpty()) {
                reach.setInput(List.of());
                reachStatus.setText("no reachability round yet ('liaison drill reach --smtp URL' starts one)");
                return;
            }
            ReachDrill.Round r = rounds.get(0);
            reach.setInput(r.targets());
            long answered = r.targets().stream().filter(t -> t.status() == ReachDrill.Status.RESPONDED).count();
            reachStatus.setText("round " + r.id() + " (" + r.filter() + "), deadline " + r.deadline() + ": " + answered + " of "
                    + r.targets().size() + " teams answered; " + rounds.size() + " round(s) in the history");
        } catch (LiaisonException e) {
            reachStatus.setText(e.getMessage());
        }
    }

    /** What the view shows now. */
    public Shown shown() {
        Scoreboard s = scoreboard;
        List<String> lines = endpoints.getText().isEmpty() ? List.of() : List.of(endpoints.getText().split("\n"));
        @SuppressWarnings("unchecked")
        List<ReachDrill.Target> reached = reach.getInput() == null ? List.of() : (List<ReachDrill.Target>) reach.getInput();
        return new Shown(status.getText(), lines, tasks.getTable().getItemCount(),
                s == null ? 0 : (int) s.tasks().stream().filter(Scoreboard.TaskScore::reported).count(), s == null ? 0 : (int) s.correct(),
                List.copyOf(bars), reached.size());
    }

    /** The running simulated Internet, if any (for tests). */
    public SimulatedInternet running() {
        return running;
    }

    @PreDestroy
    void dispose() {
        SimulatedInternet net = running;
        running = null;
        if (net != null) {
            net.close();
        }
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long m = d.toMinutes();
        return m < 60 ? m + "m" : m < 1440 ? m / 60 + "h " + m % 60 + "m" : m / 1440 + "d " + m % 1440 / 60 + "h";
    }

    private void ui(Runnable r) {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private static TableViewer table(Composite parent) {
        TableViewer t = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.getTable().setHeaderVisible(true);
        t.getTable().setLinesVisible(true);
        t.setContentProvider(ArrayContentProvider.getInstance());
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <T> void column(TableViewer table, String title, int width, java.util.function.Function<T, String> text) {
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
}
