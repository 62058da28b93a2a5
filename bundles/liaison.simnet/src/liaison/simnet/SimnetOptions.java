package liaison.simnet;

import java.nio.file.Path;

/**
 * How to run a simulated Internet.
 *
 * @param portBase first port of the block the servers take on 127.0.0.1 (whois servers at +1..+9, SMTP
 *                 at +25, IMAP at +43, RDAP at +80), or 0 for free ports chosen by the system
 * @param speed    how much faster than real time the recipients answer: 1 for a classroom run in real
 *                 time, 3600 to play an hour in a second; replies are dated in scenario time
 * @param session  the directory for the endpoints file, the bootstrap files, the registries' indexes and
 *                 the session log; created when missing
 */
public record SimnetOptions(int portBase, double speed, Path session) {

    /** The port block of {@code liaison drill serve} when none is given. */
    public static final int DEFAULT_PORT_BASE = 43100;

    public SimnetOptions {
        if (portBase != 0 && (portBase < 1024 || portBase > 65535 - 99)) {
            throw new IllegalArgumentException("the port base must be between 1024 and 65436, or 0 for free ports: " + portBase);
        }
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("the speed must be at least 1 (real time): " + speed);
        }
        if (session == null) {
            throw new IllegalArgumentException("a session directory is needed");
        }
    }
}
