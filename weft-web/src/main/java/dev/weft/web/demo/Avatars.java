package dev.weft.web.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import dev.weft.web.HttpError;
import dev.weft.web.UploadedFile;

/**
 * Avatar images in the data folder's {@code avatars/}: the type is read from the file's first bytes (PNG, JPEG,
 * GIF or WebP; the client's name and Content-Type are not trusted), at most {@value #MAX_BYTES} bytes, stored
 * under a random name (written to a temp file and moved into place) and served back with that type.
 */
final class Avatars {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final String NAME_PATTERN = "[0-9a-f]{32}\\.(png|jpg|gif|webp)";

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why an upload is not an avatar, in words for the form. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    private final Path dir;

    Avatars(Path dir) {
        this.dir = dir;
    }

    /** Stores {@code upload}; returns its new name. */
    String save(UploadedFile upload) throws IOException, Rejected {
        if (upload.size() > MAX_BYTES) {
            throw new Rejected("The avatar is " + upload.size() / 1024 + " KiB; at most 2 MiB, please.");
        }
        byte[] head = new byte[12];
        int read;
        try (InputStream in = upload.open()) {
            read = in.readNBytes(head, 0, head.length);
        }
        String extension = sniff(head, read).orElseThrow(() -> new Rejected(
                "The avatar must be a PNG, JPEG, GIF or WebP image; " + printable(upload.fileName()) + " is not one."));
        Files.createDirectories(dir);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String name = HexFormat.of().formatHex(random) + "." + extension;
        upload.saveTo(dir.resolve(name));
        return name;
    }

    /** Deletes a stored avatar (after a registration that lost its race). */
    void delete(String name) throws IOException {
        if (name != null && name.matches(NAME_PATTERN)) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    Path file(String name) {
        if (!name.matches(NAME_PATTERN)) {
            throw new HttpError(404, "no avatar " + name);
        }
        return dir.resolve(name);
    }

    static String contentType(String name) {
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The image type of a file that starts with {@code head}, by its magic bytes. */
    static Optional<String> sniff(byte[] head, int length) {
        if (length >= 8 && startsWith(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("png");
        }
        if (length >= 3 && startsWith(head, 0xff, 0xd8, 0xff)) {
            return Optional.of("jpg");
        }
        if (length >= 6 && (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a'))) {
            return Optional.of("gif");
        }
        if (length >= 12 && startsWith(head, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
                && head[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String fileName) {
        return fileName == null || fileName.isBlank() ? "the file" : "'" + fileName + "'";
    }
}
