package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;

/** Carries the requested metadata ({@code --preserve times,perms}) from a source entry to its copy. */
final class Metadata {

    private Metadata() {
    }

    /**
     * Applies to {@code to} (a file or directory, never a link) what {@code from}'s entry carries. Both times are set in
     * one call without following links (JDK 25 opens the file with O_NOFOLLOW and sets them on the descriptor).
     */
    static void apply(Entry from, Path to, Set<Preserve> preserve) throws IOException {
        if (preserve.contains(Preserve.PERMS) && !from.permissions().isEmpty()
                && Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, from.permissions());
        }
        if (preserve.contains(Preserve.TIMES)) {
            Files.getFileAttributeView(to, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(from.modified(), from.accessed(), null);
        }
    }
}
