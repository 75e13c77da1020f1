package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;

/**
 * Copies one file or link the safe way: into a temp name beside the target ({@code .name.weft-part}), then one atomic
 * rename onto the final name; inside a staged directory ({@link Staging}), which is not in place yet, straight under
 * its name. The temp name is fixed, so a rerun after a crash replaces a leftover instead of adding another. The file
 * is created with the source's permissions, which the kernel narrows by the umask, as {@code cp} does: a copy is
 * never open to more people than its source, and scripts stay executable. Bytes move with
 * {@link FileChannel#transferTo} (copy_file_range or sendfile on Linux) in chunks, so memory stays flat and the
 * progress bar moves during a large file.
 */
final class FileCopy {

    private static final long CHUNK = 8L << 20;
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Set<Preserve> preserve;
    private final boolean verify;
    private final Progress progress;
    /** The creation attribute of each permission set (a tree has a few). */
    private final Map<Set<PosixFilePermission>, FileAttribute<?>[]> modes = new ConcurrentHashMap<>();

    FileCopy(CopyOptions options, Progress progress) {
        this.preserve = options.preserve();
        this.verify = options.verify();
        this.progress = progress;
    }

    /** Where {@code entry} is written until it is complete: its temp name, or its own inside a staged directory. */
    private static Path writtenAt(Entry entry) {
        return entry.staged() ? entry.to() : Staging.nameFor(entry.to());
    }

    Outcome file(Entry file) {
        Path temp = writtenAt(file);
        try {
            long copied = transfer(file, temp);
            if (verify && !Checksum.sha256(file.from()).equals(Checksum.sha256(temp))) {
                Files.delete(temp);
                return Outcome.failed(file.name(), "SHA-256 of the copy differs from the source");
            }
            Metadata.apply(file, temp, preserve);
            if (!file.staged()) {
                Files.move(temp, file.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Outcome.done(file.name(), copied);
        } catch (IOException e) {
            if (Files.isDirectory(file.to(), LinkOption.NOFOLLOW_LINKS)) {
                // checked only now: a stat before every file would cost more than the rare failed rename
                return failedRemoving(file, temp, new IOException("a directory is in the way: " + file.to(), e));
            }
            return failedRemoving(file, temp, e);
        }
    }

    Outcome link(Entry link) {
        Path temp = writtenAt(link);
        try {
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, Files.readSymbolicLink(link.from()));
            if (!link.staged()) {
                Files.move(temp, link.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Outcome.done(link.name(), 0);
        } catch (IOException e) {
            return failedRemoving(link, temp, e);
        }
    }

    private long transfer(Entry file, Path temp) throws IOException {
        try (FileChannel in = FileChannel.open(file.from(), StandardOpenOption.READ);
             FileChannel out = create(temp, file.permissions())) {
            long position = 0;
            while (true) {
                // transferTo stops at the end of the file as it is now, so a short move that reaches the size the
                // walk saw is the end (a file that grew since is copied as it is); asking on would cost another call
                long moved = in.transferTo(position, CHUNK, out);
                if (moved <= 0) {
                    return position; // the end, or a file that shrank since the walk: we copy what is there
                }
                position += moved;
                progress.transferred(moved);
                if (moved < CHUNK && position >= file.size()) {
                    return position;
                }
            }
        }
    }

    /** A new, empty temp file with {@code permissions} (less the umask); a leftover of an earlier run goes first. */
    private FileChannel create(Path temp, Set<PosixFilePermission> permissions) throws IOException {
        FileAttribute<?>[] mode = modes.computeIfAbsent(permissions, set -> set.isEmpty() ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)});
        try {
            return FileChannel.open(temp, CREATE, mode);
        } catch (FileAlreadyExistsException leftover) {
            Files.delete(temp);
            return FileChannel.open(temp, CREATE, mode);
        }
    }

    private static Outcome failedRemoving(Entry entry, Path temp, IOException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return Outcome.failed(entry.name(), cause);
    }
}
