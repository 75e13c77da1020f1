package dev.weft.client;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The few words that say why a local file operation failed, the same for every client: "permission denied",
 * "no such directory", "is a directory", "disk full", "name too long", "read-only file system". The JDK gives these
 * as exception classes or as the C library's strerror text; a person reads neither.
 */
public final class LocalReason {

    private LocalReason() {
    }

    public static String of(IOException e) {
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() == null ? "" : e.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (lower.contains("no space left")) {
            return "disk full";
        }
        if (lower.contains("disk quota")) {
            return "disk quota exceeded";
        }
        if (lower.contains("name too long")) {
            return "name too long";
        }
        if (lower.contains("is a directory")) {
            return "is a directory";
        }
        if (lower.contains("operation not permitted")) {
            return "operation not permitted";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "not a directory";
        }
        if (e instanceof NoSuchFileException || lower.contains("no such file")) {
            return "no such file or directory";
        }
        return text.isBlank() ? "input/output error" : text;
    }
}
