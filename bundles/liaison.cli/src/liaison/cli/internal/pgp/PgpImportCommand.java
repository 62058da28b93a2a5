package liaison.cli.internal.pgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison pgp import FILE}: a correspondent's public key, or our own secret key. */
@Command(name = "import", description = { "Import keys: public keys of the teams we write to, or our own secret key",
        "(its passphrase from $LIAISON_PGP_PASSPHRASE or the terminal)." })
public class PgpImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "FILE", description = "An ASCII-armoured or binary OpenPGP key file.")
    Path file;

    public PgpImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        byte[] block;
        try {
            block = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        boolean secret = new String(block, java.nio.charset.StandardCharsets.ISO_8859_1).contains("PRIVATE KEY BLOCK");
        char[] passphrase = secret ? Passphrases.read("Passphrase of the secret key", false) : null;
        List<KeyInfo> keys = WorkspaceServices.get(context, PgpService.class).importKeys(block, file.toString(), passphrase);
        for (KeyInfo k : keys) {
            if (context.json()) {
                context.emitJson(k);
            } else {
                context.out().println("imported " + (k.secret() ? "our key " : "") + k.fingerprint() + " " + k.userId()
                        + (k.canEncrypt() ? "" : " (no encryption key)"));
            }
        }
        return 0;
    }
}
