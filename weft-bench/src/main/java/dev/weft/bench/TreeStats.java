package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How many regular files a tree (or a single file) holds and how many bytes they add up to: what a contender's
 * output must match before its time counts. Also drops a destination between runs.
 */
record TreeStats(long files, long bytes) {

    static TreeStats of(Path root) throws IOException {
        if (!Files.exists(root)) {
            return new TreeStats(0, 0);
        }
        long[] sums = new long[2];
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        sums[0]++;
                        sums[1] += attributes.size();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new TreeStats(sums[0], sums[1]);
    }

    /** Deletes {@code root} and everything under it; nothing if it is absent. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
