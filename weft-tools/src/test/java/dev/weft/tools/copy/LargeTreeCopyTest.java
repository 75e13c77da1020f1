package dev.weft.tools.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/**
 * The copier on a tree of 10,000 small files plus a few large ones (built once for the class): a full copy matches
 * byte for byte, and a copy killed with SIGKILL midway leaves no partial file under a final name and is finished by
 * running it again.
 */
class LargeTreeCopyTest {

    private static final int SMALL_FILES = 10_000;
    private static final int[] LARGE_FILES = {24 << 20, 12 << 20, 9 << 20};

    @TempDir
    static Path shared;

    static Path source;

    @BeforeAll
    static void generateTree() throws IOException {
        source = shared.resolve("source");
        for (int i = 0; i < SMALL_FILES; i++) {
            Trees.file(source.resolve("d" + i % 100).resolve("f" + i + ".dat"), 64 + i % 2000, i);
        }
        for (int i = 0; i < LARGE_FILES.length; i++) {
            Trees.file(source.resolve("large/big" + i + ".bin"), LARGE_FILES[i], -i);
        }
        Files.createDirectories(source.resolve("empty"));
        Files.createSymbolicLink(source.resolve("large/latest"), Path.of("big0.bin"));
    }

    @Test
    void copiesEveryFileByteForByteWithTheirTimes(@TempDir Path target) throws Exception {
        Report report = Copier.copy(CopyOptions.of(source, target.resolve("copy")), Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(report.done()).isEqualTo(SMALL_FILES + LARGE_FILES.length + 1);
        Trees.assertSameTree(source, target.resolve("copy"), true);
    }

    @Test
    void killedCopyLeavesNoPartialFileUnderAFinalNameAndARerunFinishesIt(@TempDir Path target) throws Exception {
        Path copy = target.resolve("copy");
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                CopyMain.class.getName(), source.toString(), copy.toString())
                .redirectErrorStream(true).redirectOutput(target.resolve("child.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
                    .until(() -> finalFiles(copy).size() >= 1000);
        } finally {
            child.destroyForcibly().waitFor();
        }

        List<Path> landed = finalFiles(copy);
        assertThat(landed).as("the copy was killed midway").hasSizeLessThan(SMALL_FILES);
        for (Path file : landed) {
            assertThat(Files.mismatch(file, source.resolve(copy.relativize(file).toString())))
                    .as("first differing byte of %s", file).isEqualTo(-1L);
        }

        Report rerun = Copier.copy(CopyOptions.of(source, copy).withUpdate(true), Progress.none());

        assertThat(rerun.failures()).isEmpty();
        assertThat(rerun.skipped()).isGreaterThanOrEqualTo(landed.size());
        Trees.assertSameTree(source, copy, true);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Regular files under their final names (temp files are dot-named and end in .weft-part). */
    private static List<Path> finalFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().endsWith(".weft-part"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
