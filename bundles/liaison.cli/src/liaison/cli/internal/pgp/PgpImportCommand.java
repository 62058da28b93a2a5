package liaison.cli.internal.pgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.PgpKey;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.pgp.KeyInfo;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.TeamFilter;
import liaison.pgp.PgpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison pgp import FILE}: a correspondent's public key, or our own secret key. */
@Command(name = "import", description = { "Import keys: public keys of the teams we write to, or our own secret key",
        "(its passphrase from $LIAISON_PGP_PASSPHRASE or the terminal); or, with --directory, the public keys",
        "the peer directory holds for its active teams." })
public class PgpImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "An ASCII-armoured or binary OpenPGP key file.")
    Path file;

    @Option(names = "--directory", description = "Import the public keys of the directory's active teams.")
    boolean directory;

    @Spec
    CommandSpec spec;

    public PgpImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        if ((file == null) == !directory) {
            throw new ParameterException(spec.commandLine(), "give a key FILE or --directory");
        }
        if (directory) {
            return fromDirectory();
        }
        byte[] block;
        try {
            block = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        boolean secret = new String(block, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY BLOCK");
        char[] passphrase = secret ? Passphrases.read("Passphrase of the secret key", false) : null;
        WorkspaceServices.get(context, PgpService.class).importKeys(block, file.toString(), passphrase).forEach(this::print);
        return 0;
    }

    /** Every armoured key the directory knows for an active team; a bad key is named and skipped. */
    private int fromDirectory() throws LiaisonException {
        PgpService pgp = WorkspaceServices.get(context, PgpService.class);
        int imported = 0;
        int skipped = 0;
        for (DirectoryTeam team : WorkspaceServices.get(context, DirectoryService.class).list(TeamFilter.ACTIVE)) {
            for (PgpKey key : team.team().pgpKeys()) {
                if (key.armored() == null) {
                    continue;
                }
                try {
                    List<KeyInfo> keys = pgp.importPublicKeys(key.armored().getBytes(StandardCharsets.US_ASCII),
                            "directory team " + team.shortName() + " key " + key.fingerprint());
                    keys.forEach(this::print);
                    imported += keys.size();
                } catch (LiaisonException e) {
                    skipped++;
                    context.err().println("liaison: skipped " + e.getMessage());
                }
            }
        }
        if (!context.json()) {
            context.out().println(imported + " key(s) imported from the directory" + (skipped == 0 ? "" : ", " + skipped + " skipped"));
        }
        return 0;
    }

    private void print(KeyInfo k) {
        if (context.json()) {
            context.emitJson(KeyJson.of(k));
        } else {
            context.out().println("imported " + (k.secret() ? "our key " : "") + k.fingerprint() + " " + k.userId()
                    + (k.canEncrypt() ? "" : " (no encryption key)"));
        }
    }
}
