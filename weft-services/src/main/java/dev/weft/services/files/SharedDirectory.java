package dev.weft.services.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.weft.services.files.FilesException.Code;

/**
 * The directory a files server shares, and the only way a request path becomes a file on disk.
 * A request path is relative and {@code /}-separated; it is checked segment by segment (no {@code ..},
 * no hidden names, no NUL, controls or backslashes, not absolute) and its real path, symlinks
 * followed, must still lie under the shared directory.
 */
public final class SharedDirectory {

    /** The largest upload a server accepts unless told otherwise: 64 GiB. */
    public static final long DEFAULT_MAX_UPLOAD = 64L << 30;
    /** The longest file name, in UTF-8 bytes, that Linux file systems hold (NAME_MAX). */
    static final int MAX_NAME_BYTES = 255;

    private final Path root;
    private final boolean uploads;
    private final long maxUpload;

    private SharedDirectory(Path root, boolean uploads, long maxUpload) {
        this.root = root;
        this.uploads = uploads;
        this.maxUpload = maxUpload;
    }

    /**
     * Shares {@code dir}.
     *
     * @throws IOException naming {@code dir} when it is not an existing directory
     */
    public static SharedDirectory open(Path dir, boolean uploads) throws IOException {
        return open(dir, uploads, DEFAULT_MAX_UPLOAD);
    }

    /**
     * Shares {@code dir}, accepting uploads of at most {@code maxUpload} bytes when {@code uploads}.
     *
     * @throws IOException naming {@code dir} when it is not an existing directory
     */
    public static SharedDirectory open(Path dir, boolean uploads, long maxUpload) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        if (maxUpload < 0) {
            throw new IllegalArgumentException("the upload limit must not be negative, not " + maxUpload);
        }
        return new SharedDirectory(dir.toRealPath(), uploads, maxUpload);
    }

    public long maxUpload() {
        return maxUpload;
    }

    public Path root() {
        return root;
    }

    public boolean uploads() {
        return uploads;
    }

    /** The regular file {@code request} names (its real path). */
    Path file(String request) throws FilesException {
        Path real = existing(request);
        if (!Files.isRegularFile(real)) {
            throw new FilesException(Code.NOT_A_FILE, request);
        }
        return real;
    }

    /** The directory {@code request} names ("" or "." is the shared directory itself). */
    Path directory(String request) throws FilesException {
        Path real = existing(request);
        if (!Files.isDirectory(real)) {
            throw new FilesException(Code.NOT_A_DIRECTORY, request);
        }
        return real;
    }

    /**
     * Where an upload to {@code request} goes: its parent must be an existing directory under the root,
     * and the name itself must not be an existing directory.
     */
    Path uploadTarget(String request) throws FilesException {
        List<String> segments = segments(request);
        if (segments.isEmpty()) {
            throw new FilesException(Code.NOT_A_FILE, request);
        }
        Path parent = existing(request, segments.subList(0, segments.size() - 1));
        if (!Files.isDirectory(parent)) {
            throw new FilesException(Code.NOT_FOUND, request, "no such directory");
        }
        String name = segments.getLast();
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new FilesException(Code.FORBIDDEN, request, "file name longer than " + MAX_NAME_BYTES + " bytes");
        }
        Path target = parent.resolve(name);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FilesException(Code.NOT_A_FILE, request);
        }
        if (Files.isSymbolicLink(target)) {
            // the rule for links: an upload never replaces one, nor writes through it (docs/protocols.md)
            throw new FilesException(Code.FORBIDDEN, request, "is a symbolic link; uploads never replace links");
        }
        return target;
    }

    /**
     * Refuses, before any byte is sent, an upload of {@code size} bytes over the server's limit or larger than
     * the free space where {@code target} would be stored.
     */
    void admit(String request, long size, Path target) throws FilesException {
        if (size > maxUpload) {
            throw new FilesException(Code.TOO_LARGE, request, size + " bytes is over this server's upload limit of " + maxUpload);
        }
        long free;
        try {
            free = Files.getFileStore(target.getParent()).getUsableSpace();
        } catch (IOException e) {
            throw new FilesException(Code.IO, request, "cannot read the free disk space (" + e.getMessage() + ")");
        }
        if (size > free) {
            throw new FilesException(Code.TOO_LARGE, request, size + " bytes is more than the " + free + " bytes free on the server's disk");
        }
    }

    /** Whether a directory entry is shown in listings: not hidden, and its real path inside the root. */
    boolean listable(Path entry) {
        if (hidden(entry.getFileName().toString())) {
            return false;
        }
        try {
            return entry.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private Path existing(String request) throws FilesException {
        return existing(request, segments(request));
    }

    private Path existing(String request, List<String> segments) throws FilesException {
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new FilesException(Code.NOT_FOUND, request);
        } catch (IOException e) {
            throw new FilesException(Code.FORBIDDEN, request, "cannot resolve (" + e.getMessage() + ")");
        }
        if (!real.startsWith(root)) {
            throw new FilesException(Code.FORBIDDEN, request, "outside the shared directory");
        }
        return real;
    }

    /**
     * The checked segments of a request path, empty for the root.
     *
     * @throws FilesException FORBIDDEN naming the request for every form that could leave the root
     */
    static List<String> segments(String request) throws FilesException {
        if (request.startsWith("/")) {
            throw new FilesException(Code.FORBIDDEN, request, "absolute path");
        }
        for (int i = 0; i < request.length(); i++) {
            char c = request.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new FilesException(Code.FORBIDDEN, request, "NUL, control or backslash in path");
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : request.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new FilesException(Code.FORBIDDEN, request, "'..' in path");
            }
            if (hidden(segment)) {
                throw new FilesException(Code.FORBIDDEN, request, "hidden name in path");
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Hidden names are never served: they include weft's own partial and upload temp files. */
    private static boolean hidden(String name) {
        return name.startsWith(".");
    }
}
