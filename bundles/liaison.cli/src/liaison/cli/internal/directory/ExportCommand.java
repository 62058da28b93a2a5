package liaison.cli.internal.directory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code liaison directory export --format json|csv|rpsl}. */
@Command(name = "export", description = "Write the teams (overrides applied) as JSON, CSV (which 'import csv' reads back) or"
        + " RPSL irt-style objects.")
public class ExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json, csv or rpsl.")
    String format;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write to a file instead of standard output.")
    Path output;

    @Mixin
    Directory.FilterOptions filter;

    public ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, IOException {
        if (output == null) {
            Directory.service(context).export(format, filter.filter(), context.out());
            context.out().flush();
        } else {
            StringBuilder text = new StringBuilder();
            Directory.service(context).export(format, filter.filter(), text);
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                w.append(text);
            }
        }
        return 0;
    }
}
