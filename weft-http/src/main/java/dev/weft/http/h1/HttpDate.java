package dev.weft.http.h1;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HTTP dates (RFC 9110 §5.6.7, IMF-fixdate): {@code Sun, 06 Nov 1994 08:49:37 GMT}. The current date is
 * formatted once per second and shared, since every response carries one. The names are English by the RFC,
 * so they are written from fixed tables: a locale-aware formatter loaded the JDK's locale data on a server's
 * first response, about 19 ms of it.
 */
public final class HttpDate {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private record Stamp(long second, String text) {
    }

    private static volatile Stamp current = new Stamp(0, "");
    /** Recently formatted seconds (Last-Modified of hot files), direct-mapped by second; stamps are immutable. */
    private static final Stamp[] RECENT = new Stamp[256];

    private HttpDate() {
    }

    /** Now, formatted; the same string object for a whole second. */
    public static String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.second() != second) {
            stamp = new Stamp(second, imfFixdate(second));
            current = stamp;
        }
        return stamp.text();
    }

    /** The instant, to the second, formatted; a second formatted recently is not formatted again. */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        int slot = (int) (second & (RECENT.length - 1));
        Stamp stamp = RECENT[slot];
        if (stamp == null || stamp.second() != second) {
            stamp = new Stamp(second, imfFixdate(second));
            RECENT[slot] = stamp;
        }
        return stamp.text();
    }

    private static String imfFixdate(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(29).append(DAYS[time.getDayOfWeek().ordinal()]).append(", ");
        digits(text, time.getDayOfMonth(), 2).append(' ').append(MONTHS[time.getMonthValue() - 1]).append(' ');
        digits(text, time.getYear(), 4).append(' ');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        return digits(text, time.getSecond(), 2).append(" GMT").toString();
    }

    /** Appends {@code value} with leading zeros to at least {@code width} digits. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        text.repeat('0', Math.max(0, width - number.length()));
        return text.append(number);
    }

    /** Parses an IMF-fixdate (or the RFC 850 and asctime forms via RFC 1123 parsing), or returns null. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
