package liaison.constituency.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.ui.internal.ConstituencyPart.Row;
import liaison.store.Workspace;
import liaison.store.Workspaces;

/** The Constituency view in a real shell over the real services: ranked claims, the takeover highlighted. */
class ConstituencyViewTest {

    static final String WORLD = """
            irt:            IRT-OUTER
            address:        Outer Street 1
            e-mail:         outer@irt.example
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            auth:           PGPKEY-00000001
            mnt-by:         TEST-MNT
            source:         TEST

            inetnum:        192.0.0.0 - 192.0.255.255
            netname:        OUTER-NET
            country:        NL
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ALLOCATED PA
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-OUTER
            source:         TEST

            inetnum:        192.0.2.64 - 192.0.2.99
            netname:        INNER-NET
            country:        DE
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ASSIGNED PA
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-INNER
            source:         TEST
            """;

    @TempDir
    Path data;

    @Test
    void explainRanksClaimsAndHighlightsTheTakeover() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(ConstituencyViewTest.class).getBundleContext();
        Workspace ws = Workspaces.select(bc, data, Duration.ofSeconds(15));
        ServiceTracker<ConstituencyService, ConstituencyService> tracker = new ServiceTracker<>(bc, ConstituencyService.class, null);
        tracker.open();
        ConstituencyService service = tracker.waitForService(15_000);
        service.load(ws.resolve(ConstituencyService.WORKSPACE_DIRECTORY), List.of(Files.writeString(data.resolve("world.db"), WORLD)),
                LoadOptions.STRICT, LoadProgress.NONE);
        tracker.close();

        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        ConstituencyPart part = new ConstituencyPart();
        try {
            part.create(shell);
            shell.setSize(1000, 400);
            shell.open();
            assertTrue(part.statusText().contains("1 datasets, 2 ranges"), part.statusText());

            part.explain("192.0.2.70");
            List<Row> rows = part.rows();
            assertEquals(List.of("192.0.2.64 - 192.0.2.99", "192.0.0.0 - 192.0.255.255"),
                    rows.stream().map(r -> r.claim().resource()).toList());
            assertEquals(List.of(1, 2), rows.stream().map(Row::rank).toList());
            assertFalse(rows.get(0).overlapping());
            assertTrue(rows.get(1).overlapping(), "IRT-OUTER is taken over: " + rows.get(1).claim().note());
            assertTrue(part.statusText().contains("2 claims on 192.0.2.70"), part.statusText());

            part.explain("not an address!");
            assertTrue(part.rows().isEmpty());
            assertTrue(part.statusText().contains("not"), part.statusText());
        } finally {
            part.dispose();
            shell.dispose();
        }
    }
}
