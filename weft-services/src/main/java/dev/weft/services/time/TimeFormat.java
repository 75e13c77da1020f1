package dev.weft.services.time;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the time service writes the time in its reply prefix. */
public enum TimeFormat {

    /** C's ctime() layout, as Python's time.ctime() prints it: {@code Sat May  8 16:59:10 2021}. */
    CTIME {
        private static final DateTimeFormatter LAYOUT = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

        @Override
        public String format(ZonedDateTime time) {
            return LAYOUT.format(time);
        }
    },

    /** RFC 3339 with milliseconds and the zone offset: {@code 2021-05-08T16:59:10.250+08:00}. */
    ISO {
        private static final DateTimeFormatter LAYOUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

        @Override
        public String format(ZonedDateTime time) {
            return LAYOUT.format(time);
        }
    },

    /** Seconds since 1970-01-01T00:00Z with milliseconds: {@code 1620464350.250}. */
    EPOCH {
        @Override
        public String format(ZonedDateTime time) {
            long millis = time.toInstant().toEpochMilli();
            return Math.floorDiv(millis, 1000) + "." + String.format(Locale.ROOT, "%03d", Math.floorMod(millis, 1000));
        }
    };

    public abstract String format(ZonedDateTime time);
}
