package dev.weft.services.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SHA-256 of served files, computed beside the zero-copy send (sendfile never passes the bytes through
 * Java, so they must be read a second time to be hashed) and remembered per file version, so a resumed
 * or repeated download of an unchanged file costs no second pass.
 */
final class Digests {

    private static final int CHUNK = 1 << 20;
    private static final int CACHED = 1024;
    private static final ExecutorService HASHERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-files-sha256-", 0).factory());

    /** A file version: same inode, size and modification time means same bytes (as far as a cache can tell). */
    private record Version(Path path, Object key, long size, long modified) {
    }

    private final Map<Version, CompletableFuture<byte[]>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Version, CompletableFuture<byte[]>> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * Starts hashing the first {@code size} bytes of {@code path} (or returns the remembered digest). The hash
     * reads its own channel, so it finishes even if the download that asked drops: a resume finds it ready.
     */
    CompletableFuture<byte[]> sha256(Path path, long size) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Version version = new Version(path, attributes.fileKey(), size, attributes.lastModifiedTime().toMillis());
        CompletableFuture<byte[]> digest;
        synchronized (cache) {
            digest = cache.get(version);
            if (digest == null || digest.isCompletedExceptionally()) {
                digest = CompletableFuture.supplyAsync(() -> hash(path, size), HASHERS);
                cache.put(version, digest);
            }
        }
        return digest;
    }

    private static byte[] hash(Path path, long size) {
        MessageDigest digest = sha256();
        try (FileChannel file = FileChannel.open(path)) {
            update(digest, file, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    /** Feeds bytes [0, size) of {@code file} to {@code digest} with positional reads, never the whole file at once. */
    static void update(MessageDigest digest, FileChannel file, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(size, 1)));
        long position = 0;
        while (position < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("file ended at byte " + position + " of " + size + " while hashing");
            }
            digest.update(buffer.flip());
            position += n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
