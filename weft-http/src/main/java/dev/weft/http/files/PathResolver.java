package dev.weft.http.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.weft.http.HttpProtocolException;
import dev.weft.http.PercentDecoding;

/**
 * Maps a request's raw path to a file under the root, or to nothing. Works segment by segment on the
 * still-encoded path, so {@code %2F}, {@code %5C} and {@code %2E%2E} cannot smuggle a separator or a
 * parent step in; rejects {@code .} and {@code ..}, backslashes, NUL and other controls, hidden names
 * (unless allowed), and, unless symlinks may be followed, any file whose real path leaves the root.
 * Never returns a path outside the root.
 */
public final class PathResolver {

    private final Path root;
    private final Path realRoot;
    private final boolean hidden;
    private final boolean followSymlinks;
    /** Paths whose real path was checked recently, with when: a hot file costs one realpath a second, not one a request. */
    private final ConcurrentHashMap<Path, Long> checked = new ConcurrentHashMap<>();
    /** Raw paths already mapped (the mapping depends on nothing but the text), so a hot path is decoded once. */
    private final ConcurrentHashMap<String, Path> mapped = new ConcurrentHashMap<>();

    public PathResolver(Path root, boolean hidden, boolean followSymlinks) throws IOException {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
        this.hidden = hidden;
        this.followSymlinks = followSymlinks;
    }

    public Path root() {
        return root;
    }

    /**
     * The file or directory {@code rawPath} names, or null when it names nothing that may be served
     * (the caller answers 404).
     *
     * @throws HttpProtocolException 400 when the path is not an origin-form path or its encoding is malformed
     */
    public Path resolve(String rawPath) {
        Path path = mapped.get(rawPath);
        if (path == null) {
            path = map(rawPath);
            if (path == null) {
                return null;
            }
            if (rawPath.length() <= MAPPED_PATH_LENGTH) {
                if (mapped.size() >= MAPPED_PATHS) {
                    mapped.clear();
                }
                mapped.put(rawPath, path);
            }
        }
        return followSymlinks || checkedInsideRoot(path) ? path : null;
    }

    /**
     * {@code rawPath} as one canonical URL path: its non-empty segments, still encoded, joined by single
     * slashes ({@code //evil.com} is {@code /evil.com}). Redirects to a directory or an upload are built
     * from this, never from the raw text, so they cannot name another host.
     */
    public static String canonical(String rawPath) {
        StringBuilder path = new StringBuilder(rawPath.length());
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(segment);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    /** {@link #canonical} with one trailing slash: the URL of the directory {@code rawPath} names. */
    public static String directoryUrl(String rawPath) {
        String path = canonical(rawPath);
        return path.equals("/") ? path : path + "/";
    }

    /** The path under the root that {@code rawPath} names, by its text alone, or null when it may not be served. */
    private Path map(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new HttpProtocolException(400, "path must start with '/': '" + rawPath + "'");
        }
        Path path = root;
        int start = 1;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            if (end > start) {
                String segment = PercentDecoding.decode(rawPath.substring(start, end), false);
                if (!allowed(segment)) {
                    return null;
                }
                path = path.resolve(segment);
            }
            start = end + 1;
        }
        return path.normalize().startsWith(root) ? path : null;
    }

    private boolean checkedInsideRoot(Path path) {
        long now = System.nanoTime();
        Long when = checked.get(path);
        if (when != null && now - when < CHECK_TTL_NANOS) {
            return true;
        }
        if (!insideRoot(path)) {
            checked.remove(path);
            return false;
        }
        if (checked.size() > 10_000) {
            checked.clear();
        }
        checked.put(path, now);
        return true;
    }

    private static final long CHECK_TTL_NANOS = 1_000_000_000L;
    private static final int MAPPED_PATHS = 10_000;
    private static final int MAPPED_PATH_LENGTH = 256;

    private boolean allowed(String segment) {
        if (segment.equals(".") || segment.equals("..") || (!hidden && segment.startsWith("."))) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == ':' && isWindows()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWindows() {
        return java.io.File.separatorChar == '\\';
    }

    /** Whether {@code path}, with every symlink resolved, is under the root: the rule archives apply to each link. */
    boolean contains(Path path) {
        return insideRoot(path);
    }

    /** Whether the path, with every symlink resolved, is still under the root (a missing file counts as inside). */
    private boolean insideRoot(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = path.getParent();
            return parent != null && (parent.equals(root) || insideRoot(parent));
        }
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
