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
 * rename onto the final name. The temp name is fixed, so a rerun after a crash replaces a leftover instead of adding
 * another. The temp file is created with the source's permissions, which the kernel narrows by the umask, as
 * {@code cp} does: a copy is never open to more people than its source, and scripts stay executable. Bytes move with
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

    /** The temp name a copy to {@code target} is written under. */
    static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".weft-part");
    }

    Outcome file(Entry file) {
        Path temp = tempFor(file.to());
        try {
            long copied = transfer(file, temp);
            if (verify && !Checksum.sha256(file.from()).equals(Checksum.sha256(temp))) {
                Files.delete(temp);
                return Outcome.failed(file.name(), "SHA-256 of the copy differs from the source");
            }
            Metadata.apply(file, temp, preserve);
            Files.move(temp, file.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
        Path temp = tempFor(link.to());
        try {
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, Files.readSymbolicLink(link.from()));
            Files.move(temp, link.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Outcome.done(link.name(), 0);
        } catch (IOException e) {
            return failedRemoving(link, temp, e);
        }
    }

    private long transfer(Entry file, Path temp) throws IOException {
        try (FileChannel in = FileChannel.open(file.from(), StandardOpenOption.READ);
             FileChannel out = create(temp, file.permissions())) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long moved = in.transferTo(position, Math.min(CHUNK, size - position), out);
                if (moved <= 0) {
                    break; // the source shrank while we copied: we copy what is there
                }
                position += moved;
                progress.transferred(moved);
            }
            return position;
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
