package liaison.report.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Ticket ids such as {@code LIA-20261122-K7Q2MX}: prefix, UTC date, and six random Crockford base32
 * characters (30 bits: a collision within one day's reports is negligible, and the outbox refuses a
 * duplicate Message-ID anyway). Short enough to read out on the phone, unambiguous to type.
 */
final class TicketIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final SecureRandom random = new SecureRandom();

    String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-').append(LocalDate.now(ZoneOffset.UTC).format(DAY)).append('-');
        int bits = random.nextInt(1 << 30);
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[bits & 31]);
            bits >>>= 5;
        }
        return id.toString();
    }
}
