package liaison.directory.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import liaison.api.directory.SourceSnapshot;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.Team;
import liaison.store.Database;
import liaison.store.Workspace;

/**
 * The process {@link ImportCrashTest} kills: a plain JVM (no OSGi) on the workspace's Derby files
 * that commits a small import, then starts a large one and reports its progress on stdout.
 */
public final class CrashImportMain {

    private CrashImportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = java.nio.file.Files.createDirectories(Path.of(args[0]));
        int teams = Integer.parseInt(args[1]);
        // The store's implementation is internal to its bundle; outside OSGi it is on the class path.
        Database db = (Database) Class.forName("liaison.store.internal.DerbyDatabase").getConstructor(Map.class)
                .newInstance(Map.of(Workspace.PATH_PROPERTY, root.toString()));
        Workspace ws = () -> root;
        DirectoryComponent directory = new DirectoryComponent(db, ws, List.of());
        directory.apply(snapshot("base", 3), false, (d, t, w) -> { });
        System.out.println("COMMITTED");
        System.out.flush();
        directory.apply(snapshot("big", teams), false, (done, total, what) -> {
            if (done % 100 == 0) {
                System.out.println("PROGRESS " + done + " " + total);
                System.out.flush();
            }
        });
        System.out.println("FINISHED");
    }

    static SourceSnapshot snapshot(String source, int n) {
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            teams.add(Team.builder(source + "-" + i).shortName(source.toUpperCase() + "-CERT-" + i).country("AT")
                    .channel(ContactChannel.of(ChannelType.EMAIL, "team" + i + "@" + source + i + ".example")).build());
        }
        return new SourceSnapshot(source, "crash-test", Instant.now(), teams, List.of());
    }
}
