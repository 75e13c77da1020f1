package dev.weft.tools.copy;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * One thing the copy will make: a directory, a regular file or a symbolic link, from {@code from} to {@code to}.
 * {@code name} is the path relative to the source that reports use; {@code size}, {@code modified},
 * {@code accessed} and {@code permissions} are what the scan saw ({@code permissions} is empty for links and where
 * the file system has no POSIX permissions).
 */
public record Entry(Kind kind, Path from, Path to, String name, long size, FileTime modified, FileTime accessed,
                    Set<PosixFilePermission> permissions) {

    public Entry {
        permissions = Set.copyOf(permissions);
    }

    /** The kinds of entry a copy reproduces. */
    public enum Kind { DIRECTORY, FILE, LINK }
}
