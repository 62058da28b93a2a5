package liaison.triage.internal;

import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Log timestamps: with their zone when the log wrote one, else in an assumed zone (and saying so). */
final class Times {

    /** A time and whether its zone was written in the log. */
    record Stamp(OffsetDateTime time, boolean zoneKnown) {
    }

    static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM")
            .appendLiteral(' ').padNext(2).appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ').appendPattern("HH:mm:ss")
            .toFormatter(Locale.ENGLISH);
    static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd").optionalStart()
            .appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalStart()
            .appendLiteral(',').appendValue(ChronoField.MILLI_OF_SECOND, 3).optionalEnd().toFormatter(Locale.ROOT);

    private Times() {
    }

    /** RFC 3164 "Nov 20 10:15:30": no year, no zone. The year is the latest that is not in the future. */
    static Stamp syslog(String text, ZoneId assumed) {
        try {
            var parsed = SYSLOG.parse(text);
            MonthDay md = MonthDay.of((int) parsed.getLong(ChronoField.MONTH_OF_YEAR), (int) parsed.getLong(ChronoField.DAY_OF_MONTH));
            ZonedDateTime now = ZonedDateTime.now(assumed);
            int year = now.getYear();
            if (md.atYear(year).isAfter(now.toLocalDate().plusDays(1))) {
                year--;
            }
            LocalDateTime local = md.atYear(year).atTime((int) parsed.getLong(ChronoField.HOUR_OF_DAY),
                    (int) parsed.getLong(ChronoField.MINUTE_OF_HOUR), (int) parsed.getLong(ChronoField.SECOND_OF_MINUTE));
            return new Stamp(local.atZone(assumed).toOffsetDateTime(), false);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** ISO 8601 with or without an offset ("2026-11-20T10:15:30.123+01:00", "2026-11-20 10:15:30Z", "... 10:15:30,123"). */
    static Stamp iso(String text, ZoneId assumed) {
        String s = text.strip();
        try {
            return new Stamp(OffsetDateTime.parse(s.replace(' ', 'T')), true);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return new Stamp(LocalDateTime.parse(s, LOCAL).atZone(assumed).toOffsetDateTime(), false);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Apache/nginx "10/Oct/2026:13:55:36 -0700". */
    static Stamp apache(String text) {
        try {
            return new Stamp(OffsetDateTime.parse(text, APACHE), true);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
