package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft train}, the launcher's training run: it does its work quickly, in a temp folder it removes, unseen in help. */
class TrainCommandTest {

    @TempDir
    Path temp;

    @Test
    void runsTheHotPathsAndExitsZeroWithinSeconds() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long started = System.nanoTime();

        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--temp", temp.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(out.toString()).startsWith("trained: " + TrainCommand.ROUNDS
                * (TrainCommand.FOLDER_PATHS.size() + TrainCommand.DEMO_PATHS.size()) + " requests");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theClientTrainingDownloads() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--for", "client", "--temp",
                temp.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("trained: " + (TrainCommand.FILES + 2) + " downloads");
    }

    @Test
    void theCopyTrainingCopies() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--for", "copy", "--temp",
                temp.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("trained: " + (2 + 2 * TrainCommand.FILES) + " files copied");
    }

    @Test
    void leavesNothingBehindInItsTempFolder() throws Exception {
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "train", "--temp", temp.toString());

        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void isHiddenFromHelp() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");

        assertThat(out.toString()).contains("serve").doesNotContain("train");
    }
}
