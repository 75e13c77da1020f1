package dev.weft.tools.download;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives each finished download a name in the target directory that no existing file and no other download of this run
 * has ({@code photo.jpg}, then {@code photo-1.jpg}, {@code photo-2.jpg}...), and moves the temp file there without
 * ever replacing a file: a hard link fails atomically if the name was taken meanwhile.
 */
final class SaveNames {

    private final Path directory;
    private final Set<String> claimed = new HashSet<>();

    SaveNames(Path directory) {
        this.directory = directory;
    }

    /** Moves {@code temp} to the first free variant of {@code name}; returns where it went. */
    Path moveIntoPlace(Path temp, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = claim(name);
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
                return target;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 1000) {
                    throw e;
                }
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.move(temp, target); // no hard links here: move checks that the name is free
                return target;
            }
        }
    }

    private synchronized Path claim(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; ; n++) {
            String candidate = n == 0 ? name : stem + "-" + n + extension;
            Path target = directory.resolve(candidate);
            if (!claimed.contains(candidate) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                claimed.add(candidate);
                return target;
            }
        }
    }
}
