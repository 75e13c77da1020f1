package dev.weft.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file part of a multipart form: small ones are kept in memory, larger ones were streamed to a
 * temporary file that is deleted when the request ends (call {@link #saveTo} to keep it). The
 * {@link #fileName()} is the client's and only a hint: never use it as a path without checking.
 */
public final class UploadedFile {

    private final String field;
    private final String fileName;
    private final String contentType;
    private final long size;
    private final byte[] bytes;
    private final Path tempFile;

    UploadedFile(String field, String fileName, String contentType, long size, byte[] bytes, Path tempFile) {
        this.field = field;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.bytes = bytes;
        this.tempFile = tempFile;
    }

    /** The form field name. */
    public String field() {
        return field;
    }

    /** The file name the client sent, without any directory part. */
    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    /** Whether the content was streamed to a temporary file because it passed the in-memory threshold. */
    public boolean onDisk() {
        return tempFile != null;
    }

    public InputStream open() throws IOException {
        return tempFile != null ? Files.newInputStream(tempFile) : new ByteArrayInputStream(bytes);
    }

    /** The whole content in memory; for large files prefer {@link #open()} or {@link #saveTo}. */
    public byte[] bytes() throws IOException {
        return tempFile != null ? Files.readAllBytes(tempFile) : bytes.clone();
    }

    /**
     * Stores the content at {@code target}: written to a temporary file beside it and moved into place,
     * so {@code target} is either the whole upload or untouched.
     */
    public void saveTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, ".upload-", ".part");
        try {
            try (InputStream in = open()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    void delete() throws IOException {
        if (tempFile != null) {
            Files.deleteIfExists(tempFile);
        }
    }

    @Override
    public String toString() {
        return field + "=" + fileName + " (" + contentType + ", " + size + " bytes)";
    }
}
