package liaison.cli.internal.pgp;

import picocli.CommandLine.Command;

/** {@code liaison pgp}: our OpenPGP key and our correspondents' keys. */
@Command(name = "pgp", description = "Manage our OpenPGP key and correspondents' keys.",
        subcommands = { PgpGenerateCommand.class, PgpExportCommand.class, PgpImportCommand.class })
public class PgpCommand {
}
