package liaison.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;

import liaison.api.LiaisonException;
import picocli.CommandLine;

/**
 * Builds the picocli command tree and runs it. Conventions every command follows: exit 0 when it
 * worked, 1 with a one-line reason on stderr when it failed, 2 for a usage error.
 */
public final class Cli {

    private final BundleContext bundleContext;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(BundleContext bundleContext, PrintWriter out, PrintWriter err) {
        this.bundleContext = bundleContext;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        try (CliContext context = new CliContext(bundleContext, out, err)) {
            CommandLine cl = new CommandLine(LiaisonCommand.class, new ContextFactory(context));
            reflowDescriptions(cl);
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                err.println("liaison: " + oneLine(ex));
                if (System.getenv("LIAISON_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
                return 1;
            });
            return cl.execute(args);
        }
    }

    /**
     * Joins the lines of each command's description into paragraphs, so picocli wraps them to the
     * terminal; lines that start with white space (examples) and empty lines stay as written.
     */
    private static void reflowDescriptions(CommandLine cl) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : cl.getCommandSpec().usageMessage().description()) {
            boolean continues = !paragraphs.isEmpty() && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))
                    && !paragraphs.get(paragraphs.size() - 1).isEmpty() && !Character.isWhitespace(paragraphs.get(paragraphs.size() - 1).charAt(0));
            if (continues) {
                paragraphs.set(paragraphs.size() - 1, paragraphs.get(paragraphs.size() - 1) + " " + line.strip());
            } else {
                paragraphs.add(line);
            }
        }
        cl.getCommandSpec().usageMessage().description(paragraphs.toArray(String[]::new));
        cl.getSubcommands().values().forEach(Cli::reflowDescriptions);
    }

    /** A failure as one line: our own exceptions carry a message for people; others get their type. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        while (!(t instanceof LiaisonException) && t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String msg = t instanceof LiaisonException || t instanceof IllegalArgumentException
                ? t.getMessage()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return msg == null ? t.getClass().getName() : msg.replaceAll("[\\r\\n]+", " ");
    }

    /** Gives every command (and mixin) the shared context through its constructor when it asks for it. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
