package liaison.cli.internal.pgp;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.pgp.PgpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code liaison pgp export --public}: our public key, ASCII-armoured, on standard output. */
@Command(name = "export", description = "Print our public key, ASCII-armoured (the secret key never leaves the workspace).")
public class PgpExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--public", description = "Export the public key (the only export there is).")
    boolean publicKey;

    public PgpExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        if (!publicKey) {
            throw new ParameterException(spec.commandLine(), "only the public key can be exported: use --public");
        }
        context.out().print(WorkspaceServices.get(context, PgpService.class).exportPublicKey());
        context.out().flush();
        return 0;
    }
}
