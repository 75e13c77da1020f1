package dev.weft.client;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A local file could not be read or written: names the file the user gave (never a temp name) and the reason in a
 * few words ("permission denied", "disk full"). Never worth retrying: the next attempt meets the same folder.
 */
public final class LocalFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public LocalFileException(String verb, Path file, String reason, Throwable cause) {
        super("cannot " + verb + " " + file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** Wraps {@code cause} (met while working on {@code file} or a temp file of it) as a failure about {@code file}. */
    public static LocalFileException of(String verb, Path file, IOException cause) {
        if (cause instanceof LocalFileException local) {
            return local;
        }
        return new LocalFileException(verb, file, LocalReason.of(cause), cause);
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
