package dev.weft.tools.copy;

import java.util.Locale;

/** Metadata a copy can carry over from the source, as named by {@code --preserve times,perms}. */
public enum Preserve {
    /** The last-modified time, which {@code --update} compares. */
    TIMES,
    /** POSIX permission bits, where the file system has them. */
    PERMS;

    /** Parses one name from the command line, ignoring case: "times", "perms". */
    public static Preserve parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --preserve value '" + name + "' (expected times or perms)", e);
        }
    }
}
