package liaison.cli.internal.directory;

import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.SyncOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison directory sync [--dry-run]}: every configured source, each in its own transaction. */
@Command(name = "sync", description = "Read every configured source ('directory sources'), each in one transaction; print what changed.")
public class SyncCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--dry-run", description = "Show the diff; write nothing.")
    boolean dryRun;

    @Option(names = "--progress", description = "Report progress on stderr.")
    boolean progress;

    public SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        List<SyncOutcome> outcomes = Directory.service(context).sync(dryRun, Directory.progress(context, progress));
        if (outcomes.isEmpty()) {
            throw new LiaisonException("no sources configured; add one with 'liaison directory sources add ti URL'");
        }
        long failed = 0;
        for (SyncOutcome o : outcomes) {
            if (o.ok()) {
                Directory.printResult(context, o.result());
            } else {
                failed++;
                if (context.json()) {
                    var x = context.jsonMapper().createObjectNode();
                    x.put("source", o.source().sourceId());
                    x.put("location", o.source().location());
                    x.put("error", o.error());
                    context.emitJson(x);
                } else {
                    context.out().println(o.source().sourceId() + " " + o.source().location() + ": failed, nothing written: " + o.error());
                }
            }
        }
        if (failed > 0) {
            context.err().println("liaison: " + failed + " of " + outcomes.size() + " sources failed; the others were applied");
            return 1;
        }
        return 0;
    }
}
