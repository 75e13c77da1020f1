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
 *
 * <p>A directory the copy creates is filled under a staging name and moved into place when the copy ends (see
 * {@link Staging}). {@code staged} says that {@code to} lies in such a directory (or is one), so nothing there is
 * visible under its final name yet and it is written directly; {@code moveTo} is, for the top of a staged directory,
 * its final place, and null for every other entry.
 */
public record Entry(Kind kind, Path from, Path to, String name, long size, FileTime modified, FileTime accessed,
                    Set<PosixFilePermission> permissions, boolean staged, Path moveTo) {

    public Entry {
        permissions = Set.copyOf(permissions);
        if (moveTo != null && (kind != Kind.DIRECTORY || !staged)) {
            throw new IllegalArgumentException("only a staged directory is moved into place: " + from + " -> " + to);
        }
    }

    /** The kinds of entry a copy reproduces. */
    public enum Kind { DIRECTORY, FILE, LINK }
}
