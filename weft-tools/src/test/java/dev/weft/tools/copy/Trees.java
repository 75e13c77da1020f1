package dev.weft.tools.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds test trees and compares a copy with its source, entry by entry, byte by byte. */
final class Trees {

    private Trees() {
    }

    /** Writes {@code size} pseudo-random bytes (seeded, so reruns make the same tree) to {@code file}. */
    static Path file(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Files of every kind a copy must carry: small files in nested directories, an empty directory, links. */
    static Path smallTree(Path root) throws IOException {
        file(root.resolve("a.txt"), 100, 1);
        file(root.resolve("sub/b.bin"), 5000, 2);
        file(root.resolve("sub/deeper/c.bin"), 0, 3);
        Files.createDirectories(root.resolve("empty/nested-empty"));
        Files.createSymbolicLink(root.resolve("link-to-a"), Path.of("a.txt"));
        Files.createSymbolicLink(root.resolve("sub/dangling"), Path.of("nowhere"));
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.fromMillis(1_000_000_000_000L));
        return root;
    }

    /** Every entry under {@code root} by relative path: "d" for a directory, "l:target" for a link, "f" for a file. */
    static Map<String, String> listing(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !path.equals(root)).forEach(path -> entries.put(root.relativize(path).toString(), kind(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String kind(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return "l:" + Files.readSymbolicLink(path);
            }
            return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "d" : "f";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The copy has exactly the source's entries, every file has the same bytes, and (if asked) the same time. */
    static void assertSameTree(Path source, Path copy, boolean times) throws IOException {
        Map<String, String> expected = listing(source);
        assertThat(listing(copy)).isEqualTo(expected);
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            if (entry.getValue().equals("f")) {
                Path from = source.resolve(entry.getKey());
                Path to = copy.resolve(entry.getKey());
                assertThat(Files.mismatch(from, to)).as("first differing byte of %s", entry.getKey()).isEqualTo(-1L);
                if (times) {
                    assertThat(Files.getLastModifiedTime(to)).as("time of %s", entry.getKey())
                            .isEqualTo(Files.getLastModifiedTime(from));
                }
            }
        }
    }
}
