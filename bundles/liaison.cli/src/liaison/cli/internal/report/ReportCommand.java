package liaison.cli.internal.report;

import picocli.CommandLine.Command;

/** {@code liaison report}: compose, send and follow up incident reports. */
@Command(name = "report", description = "Compose incident reports from IntelMQ events, send them, track the replies.",
        subcommands = { ReportComposeCommand.class, ReportSendCommand.class, ReportStatusCommand.class, ReportRepliesCommand.class })
public class ReportCommand {
}
