package dev.weft.tools.ftp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One entry of a remote directory listing; size is -1 and modified null when the server did not say. */
public record RemoteEntry(String name, boolean directory, long size, Instant modified) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** One line of "ls" output: kind, size, UTC time, name (directories end in '/'). */
    public String line() {
        String when = modified == null ? "                " : TIME.format(modified);
        String bytes = directory || size < 0 ? "-" : Long.toString(size);
        return "%s %12s  %s  %s".formatted(directory ? "d" : "-", bytes, when, directory ? name + "/" : name);
    }
}
