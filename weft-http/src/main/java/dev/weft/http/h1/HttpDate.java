package dev.weft.http.h1;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7, IMF-fixdate): {@code Sun, 06 Nov 1994 08:49:37 GMT}. The current date is
 * formatted once per second and shared, since every response carries one.
 */
public final class HttpDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

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
            stamp = new Stamp(second, FORMAT.format(Instant.ofEpochSecond(second)));
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
            stamp = new Stamp(second, FORMAT.format(Instant.ofEpochSecond(second)));
            RECENT[slot] = stamp;
        }
        return stamp.text();
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
