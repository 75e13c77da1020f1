package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;

/** Carries the requested metadata ({@code --preserve times,perms}) from a source entry to its copy. */
final class Metadata {

    private Metadata() {
    }

    static void apply(Path from, FileTime modified, Path to, Set<Preserve> preserve) throws IOException {
        if (preserve.contains(Preserve.PERMS) && Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
        if (preserve.contains(Preserve.TIMES)) {
            Files.setLastModifiedTime(to, modified);
        }
    }
}
