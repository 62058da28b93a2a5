package liaison.cli.internal.pgp;

import java.io.Console;
import java.util.Arrays;

import liaison.api.LiaisonException;

/** Where a command gets a passphrase: {@value #ENV} (automation), else the terminal. */
final class Passphrases {

    static final String ENV = "LIAISON_PGP_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase, or null when none can be asked for. */
    static char[] read(String prompt, boolean confirm) throws LiaisonException {
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (confirm) {
            char[] again = console.readPassword("Repeat it: ");
            if (!Arrays.equals(first, again)) {
                throw new LiaisonException("the passphrases differ");
            }
        }
        return first;
    }
}
