package dev.weft.tools.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies that must be refused before anything is written, each with a message naming the paths. */
class CopyRefusalTest {

    @TempDir
    Path dir;

    Path source;

    @BeforeEach
    void makeSource() throws Exception {
        source = Trees.smallTree(dir.resolve("src"));
    }

    @Test
    void refusesATargetInsideTheSource() {
        assertRefused(source.resolve("sub/backup"), "is inside the source");
        assertThat(source.resolve("sub/backup")).doesNotExist();
    }

    @Test
    void refusesTheSourceAsItsOwnTarget() {
        assertRefused(source, "target is the source itself");
    }

    @Test
    void refusesATargetThatReachesTheSourceThroughASymlink() throws Exception {
        Files.createSymbolicLink(dir.resolve("alias"), source);

        assertRefused(dir.resolve("alias"), "target is the source itself");
        assertRefused(dir.resolve("alias/sub/x"), "is inside the source");
    }

    @Test
    void refusesATargetThatContainsTheSource() {
        assertRefused(dir, "is inside the target");
    }

    @Test
    void refusesASingleFileCopiedOntoItself() {
        assertThatThrownBy(() -> CopyPlan.scan(CopyOptions.of(source.resolve("a.txt"), source)))
                .isInstanceOf(CopyRefused.class).hasMessageContaining("target is the source itself");
    }

    @Test
    void refusesAMissingSource() {
        assertThatThrownBy(() -> CopyPlan.scan(CopyOptions.of(dir.resolve("nope"), dir.resolve("dst"))))
                .isInstanceOf(CopyRefused.class).hasMessage("source does not exist: " + dir.resolve("nope"));
    }

    @Test
    void refusesADirectoryOntoAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("file.txt"), "x");

        assertRefused(dir.resolve("file.txt"), "target exists and is not a directory");
    }

    @Test
    void refusesABadExcludePattern() {
        assertThatThrownBy(() -> CopyPlan.scan(CopyOptions.of(source, dir.resolve("dst"))
                .withExcludes(java.util.List.of("a[b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad --exclude pattern 'a[b'");
    }

    private void assertRefused(Path target, String reason) {
        assertThatThrownBy(() -> CopyPlan.scan(CopyOptions.of(source, target)))
                .isInstanceOf(CopyRefused.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(target.toString());
    }
}
