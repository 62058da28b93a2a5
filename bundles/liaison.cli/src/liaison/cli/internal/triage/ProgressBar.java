package liaison.cli.internal.triage;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A progress bar on stderr for long inputs: redrawn in place on a terminal, a line per 10 % otherwise
 * (so logs of batch runs stay readable). Inputs under a few megabytes show nothing.
 */
final class ProgressBar {

    private static final long WORTH_SHOWING = 4L << 20;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    void update(Path input, long done, long total) {
        if (total < WORTH_SHOWING) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            int filled = percent * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + input.getFileName());
            err.flush();
            drawn = true;
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            err.println("triage: " + input.getFileName() + " " + percent + "%");
        }
    }

    void done() {
        if (drawn) {
            err.println();
        }
    }
}
