package dev.weft.http.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Small files kept in memory (and their gzip form, made once), so a hot small file costs one stat and one
 * write rather than an open, a read and a close. An entry is valid while the file's size and modification
 * time match; the cache empties itself when it grows past its byte budget.
 */
final class FileCache {

    static final long MAX_FILE = 64 * 1024;
    private static final long BUDGET = 64L << 20;

    /** One cached file; {@code gzip} is filled on first need. */
    static final class Entry {
        final long size;
        final long modified;
        final byte[] bytes;
        private volatile byte[] gzip;

        Entry(long size, long modified, byte[] bytes) {
            this.size = size;
            this.modified = modified;
            this.bytes = bytes;
        }

        byte[] gzip() {
            byte[] compressed = gzip;
            if (compressed == null) {
                compressed = FileCache.gzip(bytes);
                gzip = compressed;
            }
            return compressed;
        }
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();

    /** The file's bytes, from memory when size and time still match, else read now; null for large files. */
    Entry get(Path file, long size, long modified) throws IOException {
        if (size > MAX_FILE) {
            return null;
        }
        Entry entry = entries.get(file);
        if (entry != null && entry.size == size && entry.modified == modified) {
            return entry;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) {
            return null;
        }
        entry = new Entry(size, modified, bytes);
        if (used.addAndGet(size) > BUDGET) {
            entries.clear();
            used.set(size);
        }
        entries.put(file, entry);
        return entry;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
