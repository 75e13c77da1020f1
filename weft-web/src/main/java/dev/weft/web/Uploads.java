package dev.weft.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a web app takes form posts: file parts up to {@code memoryThreshold} bytes stay in memory and
 * larger ones stream to temporary files in {@code tempDir}; a plain field may hold up to
 * {@code maxFieldSize} bytes (more is a 413). The request body as a whole is bounded by the HTTP server.
 */
public record Uploads(Path tempDir, long memoryThreshold, int maxFieldSize) {

    public static final Uploads DEFAULT = new Uploads(Path.of(System.getProperty("java.io.tmpdir")), 64 * 1024, 1 << 20);

    public Uploads {
        Objects.requireNonNull(tempDir, "tempDir");
        if (memoryThreshold < 0 || maxFieldSize < 0) {
            throw new IllegalArgumentException("upload limits must not be negative: " + memoryThreshold + ", " + maxFieldSize);
        }
    }
}
