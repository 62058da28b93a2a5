package liaison.cli.internal.pgp;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison pgp generate --name NAME --email ADDR [--no-passphrase]}. */
@Command(name = "generate", description = { "Generate our key (Ed25519 signing, Curve25519 encryption).",
        "The passphrase comes from $LIAISON_PGP_PASSPHRASE or the terminal and is kept in Eclipse secure storage." })
public class PgpGenerateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--name", required = true, description = "Our team's name, as the key's user id shows it.")
    String name;

    @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The address reports come from.")
    String email;

    @Option(names = "--no-passphrase", description = "Leave the secret key unprotected (tests, automation).")
    boolean noPassphrase;

    public PgpGenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        char[] passphrase = null;
        if (!noPassphrase) {
            passphrase = Passphrases.read("Passphrase for the new key", true);
            if (passphrase == null || passphrase.length == 0) {
                throw new LiaisonException("no passphrase: set " + Passphrases.ENV + ", run in a terminal, or use --no-passphrase");
            }
        }
        KeyInfo key = WorkspaceServices.get(context, PgpService.class).generate(name, email, passphrase);
        if (context.json()) {
            context.emitJson(KeyJson.of(key));
        } else {
            context.out().println("generated " + key.fingerprint() + " " + key.userId()
                    + (key.passphraseProtected() ? " (passphrase in secure storage)" : " (no passphrase)"));
        }
        return 0;
    }
}
