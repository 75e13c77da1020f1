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
 * running it again, whether it was filling folders that were there (a temp name per file) or a new one (staged).
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
    void killedCopyIntoExistingFoldersLeavesNoPartialFileUnderAFinalNameAndARerunFinishesIt(@TempDir Path target)
            throws Exception {
        Path copy = target.resolve("copy");
        for (int i = 0; i < 100; i++) {
            Files.createDirectories(copy.resolve("d" + i)); // folders that are there: each file gets a temp name
        }
        killMidway(copy, copy);

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

    @Test
    void killedCopyIntoANewFolderLeavesNothingUnderTheFinalNameAndARerunTakesUpItsStagedFiles(@TempDir Path target)
            throws Exception {
        Path copy = target.resolve("copy");
        Path staged = target.resolve(".copy.weft-part");
        killMidway(copy, staged);

        assertThat(copy).as("a new folder appears only when complete").doesNotExist();
        List<Path> written = finalFiles(staged);
        assertThat(written).as("the copy was killed midway").hasSizeLessThan(SMALL_FILES);

        Report rerun = Copier.copy(CopyOptions.of(source, copy).withUpdate(true), Progress.none());

        assertThat(rerun.failures()).isEmpty();
        assertThat(rerun.skipped()).as("all but the files being written when it was killed (CopyMain's 4 + 2 workers)")
                .isGreaterThanOrEqualTo(written.size() - 6);
        assertThat(staged).doesNotExist();
        Trees.assertSameTree(source, copy, true);
    }

    /** Starts a copy to {@code copy} in a child JVM and kills it once 1,000 files are in {@code watched}. */
    private static void killMidway(Path copy, Path watched) throws Exception {
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                CopyMain.class.getName(), source.toString(), copy.toString())
                .redirectErrorStream(true).redirectOutput(copy.resolveSibling("child.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
                    .until(() -> finalFiles(watched).size() >= 1000);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Regular files under their final names below {@code root}: not a temp file, nor in a staged folder (both are
     * dot-named and end in .weft-part).
     */
    private static List<Path> finalFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> Stream.iterate(root.relativize(path), name -> name != null, Path::getParent)
                            .noneMatch(name -> name.getFileName().toString().endsWith(".weft-part")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
