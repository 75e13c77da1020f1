package dev.weft.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file the user named on the command line, written the way curl writes {@code -o FILE}: through a symlink to its
 * target (the link stays a link); straight into anything that is not a regular file (a device, a FIFO) instead of
 * replacing the node; {@code -} is standard output. A regular file is written to a temp file in the target's real
 * folder and renamed over it once complete, so a failure never leaves half a file; the result has the permissions a
 * plain create would give (the umask), or the replaced file's own.
 *
 * <p>Every client that saves a file the user named (get, download, files get, ftp get) goes through here, so the
 * rules and the error lines ("cannot write x.json: no such directory") are the same everywhere.
 */
public final class UserFile {

    /** How the bytes reach the target. */
    public enum Kind {
        /** {@code -}: the process's standard output. */
        STDOUT,
        /** An existing node that is not a regular file (device, FIFO, socket): opened and written in place. */
        DIRECT,
        /** A regular file, new or existing: temp file beside it, renamed over it when complete. */
        REPLACE
    }

    private static final int MAX_LINKS = 40;

    private final Path named;
    private final Path target;
    private final Kind kind;
    private final OutputStream stdout;

    private UserFile(Path named, Path target, Kind kind, OutputStream stdout) {
        this.named = named;
        this.target = target;
        this.kind = kind;
        this.stdout = stdout;
    }

    /**
     * Resolves the file the user named ({@code "-"} for standard output, which then goes to {@code stdout}).
     *
     * @throws LocalFileException when it cannot be written at all: a directory, a missing folder, a symlink loop
     */
    public static UserFile of(Path named, OutputStream stdout) throws LocalFileException {
        if (named.toString().equals("-")) {
            return new UserFile(named, named, Kind.STDOUT, stdout);
        }
        if (Files.isDirectory(named)) {
            throw new LocalFileException("write", named, "is a directory", null);
        }
        if (Files.exists(named) && (!Files.isRegularFile(named) || throughProc(named))) {
            // a device, FIFO or socket, or /dev/stdout and friends (links into /proc that only open() can follow,
            // and whose file must not be replaced under the descriptor that holds it): written in place
            return new UserFile(named, named, Kind.DIRECT, stdout);
        }
        Path target = followLinks(named);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new LocalFileException("write", named,
                    Files.exists(folder) ? "not a directory: " + folder : "no such directory", null);
        }
        try {
            return new UserFile(named, folder.toRealPath().resolve(target.getFileName()), Kind.REPLACE, stdout);
        } catch (IOException e) {
            throw LocalFileException.of("write", named, e);
        }
    }

    /** Whether a link on the way from {@code named} leads into /proc (/dev/stdout is /proc/self/fd/1). */
    private static boolean throughProc(Path named) {
        Path path = named.toAbsolutePath();
        for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(path); hops++) {
            if (path.startsWith("/proc")) {
                return true;
            }
            try {
                Path link = Files.readSymbolicLink(path);
                path = link.isAbsolute() ? link : path.getParent().resolve(link).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return path.startsWith("/proc");
    }

    /** Resolves a file the user named where {@code -} means nothing special (a file called "-" in the folder). */
    public static UserFile of(Path named) throws LocalFileException {
        return of(named.toString().equals("-") ? Path.of("./-") : named, OutputStream.nullOutputStream());
    }

    private static Path followLinks(Path named) throws LocalFileException {
        Path path = named;
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINKS) {
                throw new LocalFileException("write", named, "too many levels of symbolic links", null);
            }
            try {
                Path link = Files.readSymbolicLink(path);
                Path parent = path.toAbsolutePath().getParent();
                path = link.isAbsolute() ? link : parent.resolve(link).normalize();
            } catch (IOException e) {
                throw LocalFileException.of("write", named, e);
            }
        }
        return path;
    }

    /** The name the user gave, for messages. */
    public Path named() {
        return named;
    }

    /** Where the bytes end up: the real path after symlinks (the named path itself for standard output). */
    public Path target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A staging file beside the real target ({@code .NAME<suffix>}), for clients that keep partial bytes across
     * attempts; hand it to {@link #place(Path)} when complete.
     */
    public Path staging(String suffix) {
        return staging(".", suffix);
    }

    /** A staging file beside the real target named {@code <prefix>NAME<suffix>} (ftp keeps lftp's visible NAME.part). */
    public Path staging(String prefix, String suffix) {
        Path folder = kind == Kind.REPLACE ? target.getParent() : stagingFolder();
        return folder.resolve(prefix + target.getFileName() + suffix);
    }

    /** Beside a FIFO in a folder of the user's; in the temp folder for standard output, /dev and /proc. */
    private Path stagingFolder() {
        Path parent = target.toAbsolutePath().getParent();
        if (kind == Kind.STDOUT || parent == null || parent.startsWith("/dev") || parent.startsWith("/proc")) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        return parent;
    }

    /**
     * Writes the whole file through {@code writer}. A regular file is only replaced when the writer returns; when it
     * throws, the temp file goes and the target is untouched. Write errors name the user's file, not the temp.
     */
    public void write(Writer writer) throws IOException {
        writeChannel(channel -> writer.write(Channels.newOutputStream(channel)));
    }

    /**
     * {@link #write(Writer)} for a writer of buffers: a regular file or a FIFO is written with no copy on the way
     * (a direct buffer goes straight to the kernel).
     */
    public void writeChannel(ChannelWriter writer) throws IOException {
        if (kind != Kind.REPLACE) {
            try (WritableByteChannel out = new NamedErrors(openInPlace(), named)) {
                writer.write(out);
            }
            return;
        }
        Path temp = freshTemp();
        try {
            try (WritableByteChannel out = new NamedErrors(open(temp, StandardOpenOption.WRITE), named)) {
                writer.write(out);
            }
            replaceWith(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts a complete staged file in place: renamed over a regular target (keeping the target's permissions when it
     * existed), copied into a device or FIFO or standard output and then deleted.
     */
    public void place(Path staged) throws IOException {
        if (kind == Kind.REPLACE) {
            replaceWith(staged);
            return;
        }
        try (FileChannel in = FileChannel.open(staged); WritableByteChannel out = new NamedErrors(openInPlace(), named)) {
            for (long at = 0, size = in.size(); at < size; ) {
                at += in.transferTo(at, size - at, out);
            }
        }
        Files.delete(staged);
    }

    private WritableByteChannel openInPlace() throws LocalFileException {
        if (kind == Kind.STDOUT) {
            return Channels.newChannel(new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open for whatever the command prints next
                }
            });
        }
        return Files.isRegularFile(target) // /dev/stdout redirected to a file: start it afresh, as curl does
                ? open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : open(target, StandardOpenOption.WRITE);
    }

    private FileChannel open(Path file, StandardOpenOption... options) throws LocalFileException {
        try {
            return FileChannel.open(file, options);
        } catch (IOException e) {
            throw LocalFileException.of("write", named, e);
        }
    }

    /** A new, empty temp file beside the target, created with the umask's permissions (not createTempFile's 0600). */
    private Path freshTemp() throws LocalFileException {
        for (int tries = 0; ; tries++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "."
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".part");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (tries == 10) {
                    throw LocalFileException.of("write", named, e);
                }
            } catch (IOException e) {
                throw LocalFileException.of("write", named, e);
            }
        }
    }

    private void replaceWith(Path staged) throws LocalFileException {
        try {
            keepPermissions(staged);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw LocalFileException.of("write", named, e);
        }
    }

    private void keepPermissions(Path staged) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(staged, view.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            // a new file: the staged file's umask permissions are right
        }
    }

    /** The body of a file, written to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The body of a file, written to the channel it is given. */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(WritableByteChannel out) throws IOException;
    }

    /** Reports a failed write (disk full, ...) against the user's file name, not the temp file's. */
    private static final class NamedErrors implements WritableByteChannel {
        private final WritableByteChannel out;
        private final Path named;

        NamedErrors(WritableByteChannel out, Path named) {
            this.out = out;
            this.named = named;
        }

        @Override
        public int write(ByteBuffer bytes) throws IOException {
            try {
                return out.write(bytes);
            } catch (IOException e) {
                throw LocalFileException.of("write", named, e);
            }
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw LocalFileException.of("write", named, e);
            }
        }
    }
}
