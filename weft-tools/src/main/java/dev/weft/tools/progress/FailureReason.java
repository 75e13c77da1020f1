package dev.weft.tools.progress;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns the exception that failed an item into the few words a person reads in the final report
 * ("permission denied", "No space left on device", "connection refused"), instead of a class name or a stack trace.
 */
public final class FailureReason {

    private FailureReason() {
    }

    public static String describe(Throwable cause) {
        return switch (cause) {
            case AccessDeniedException e -> "permission denied";
            case NoSuchFileException e -> "no such file or directory: " + e.getFile();
            case DirectoryNotEmptyException e -> "a non-empty directory is in the way: " + e.getFile();
            case FileAlreadyExistsException e -> "already exists: " + e.getFile();
            case NotDirectoryException e -> "not a directory: " + e.getFile();
            case FileSystemException e when e.getReason() != null -> e.getReason();
            case HttpConnectTimeoutException e -> "connect timed out";
            case HttpTimeoutException e -> "timed out";
            case ConnectException e -> "connection refused";
            case ClosedByInterruptException e -> "interrupted";
            default -> cause.getMessage() == null || cause.getMessage().isBlank()
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage();
        };
    }
}
