package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft copy} from the command line: summary, exit codes, refusals and reported failures. */
class CopyCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int weft(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void copiesATreeAndPrintsOneSummaryLine() throws Exception {
        Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/sub/a.txt"), "hello");

        int exit = weft("copy", dir.resolve("src").toString(), dir.resolve("dst").toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("dst/sub/a.txt"))).isEqualTo("hello");
        assertThat(out.toString()).startsWith("copied 1 file (5 B) in ").hasLineCount(1);
    }

    @Test
    void refusesATargetInsideTheSourceWithExitOne() throws Exception {
        Files.createDirectories(dir.resolve("src"));

        int exit = weft("copy", dir.resolve("src").toString(), dir.resolve("src/inner").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("weft: copy: target ").contains("is inside the source");
    }

    @Test
    void reportsFailedFilesAndExitsOne() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/ok.txt"), "fine");
        Files.writeString(dir.resolve("src/blocked.txt"), "x");
        Files.createDirectories(dir.resolve("dst/blocked.txt"));

        int exit = weft("copy", dir.resolve("src").toString(), dir.resolve("dst").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("failed: blocked.txt: a directory is in the way");
        assertThat(out.toString()).contains("copied 1 file", "1 failed");
        assertThat(Files.readString(dir.resolve("dst/ok.txt"))).isEqualTo("fine");
    }

    @Test
    void dryRunPrintsThePlan() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.txt"), "abc");

        int exit = weft("copy", "--dry-run", dir.resolve("src").toString(), dir.resolve("dst").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("copy a.txt (3 B)", "would copy 1 files (3 B)");
        assertThat(dir.resolve("dst")).doesNotExist();
    }

    @Test
    void rejectsAnUnknownPreserveValueAsUsage() throws Exception {
        Files.createDirectories(dir.resolve("src"));

        int exit = weft("copy", "--preserve", "owner", dir.resolve("src").toString(), dir.resolve("dst").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("weft: unknown --preserve value 'owner'");
    }

    @Test
    void aTargetFolderThatCannotBeCreatedIsOneLineBeforeAnyFile() throws Exception {
        Files.createDirectories(dir.resolve("src/a/b"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("src/a/b/f" + i), "x");
        }
        Path file = Files.writeString(dir.resolve("file"), "x");

        int exit = weft("copy", dir.resolve("src").toString(), file.resolve("sub").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("weft: copy: cannot create folder " + file.resolve("sub")
                + ": not a directory: " + file + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnwritableTargetFolderIsOneLineBeforeAnyFile() throws Exception {
        Files.createDirectories(dir.resolve("src/a/b"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("src/a/b/f" + i), "x");
        }
        Path locked = Files.createDirectories(dir.resolve("locked"));
        // immutable: refused even to root (which ignores permission bits); needs chattr and a file system with it
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("chattr", "+i", locked.toString())
                .redirectErrorStream(true).start().waitFor() == 0, "chattr +i is not available here");
        try {
            int exit = weft("copy", dir.resolve("src").toString(), locked.resolve("dest").toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("weft: copy: cannot write into " + locked + ": operation not permitted"
                    + System.lineSeparator());
        } finally {
            new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
        }
    }
}
