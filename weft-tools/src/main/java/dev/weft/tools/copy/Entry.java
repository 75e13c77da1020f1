package dev.weft.tools.copy;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One thing the copy will make: a directory, a regular file or a symbolic link, from {@code from} to {@code to}.
 * {@code name} is the path relative to the source that reports use; {@code size}, {@code modified} and
 * {@code accessed} are what the scan saw.
 */
public record Entry(Kind kind, Path from, Path to, String name, long size, FileTime modified, FileTime accessed) {

    /** The kinds of entry a copy reproduces. */
    public enum Kind { DIRECTORY, FILE, LINK }
}
