package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int weft(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withoutANameListsEveryExperimentWithItsSeedLesson() {
        assertThat(weft("lab")).isZero();

        assertThat(out.toString()).containsPattern("\\n +\\(seed 003, 42 ");
        assertThat(out.toString().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).limit(Lab.experiments().size()))
                .hasSize(Lab.experiments().size())
                .allSatisfy(line -> assertThat(Lab.find(line.split(" ")[0])).isPresent());
    }

    @Test
    void runningAnExperimentPrintsATableAndAnExplanation() {
        assertThat(weft("lab", "tickets", "--iterations", "5", "--lock")).isZero();

        assertThat(out.toString()).startsWith("tickets: 2 sellers, 5 tickets")
                .containsPattern("tickets sold +5\\n")
                .contains("exactly the stock was sold");
    }

    @Test
    void jsonPrintsTheSameFiguresUnderStableKeys() throws Exception {
        assertThat(weft("lab", "race", "--threads", "2", "--iterations", "10", "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("experiment").asText()).isEqualTo("race");
        assertThat(json.get("expected").asLong()).isZero();
        assertThat(json.get("lostUpdates").asLong()).isEqualTo(json.get("actual").asLong());
        assertThat(json.has("atomicLongMops")).isTrue();
    }

    @Test
    void anUnknownExperimentIsAUsageErrorOnOneLine() {
        assertThat(weft("lab", "races")).isEqualTo(2);

        assertThat(err.toString().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("weft: unknown experiment 'races' (experiments: race, tickets,"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void zeroThreadsIsAUsageError() {
        assertThat(weft("lab", "race", "--threads", "0")).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: --threads must be at least 1, not 0\n");
    }

    @Test
    void anOptionTheExperimentDoesNotTakeIsAUsageError() {
        assertThat(weft("lab", "semaphore", "--lock")).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: --lock does not apply to semaphore (it takes --threads, --iterations)");
    }

    @Test
    void aSizeAboveTheExperimentsLimitIsAUsageError() {
        assertThat(weft("lab", "processes", "--threads", "500")).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: processes: --threads 500 is more than 16\n");
    }

    @Test
    void anUnknownFixIsAUsageError() {
        assertThat(weft("lab", "deadlock", "--fix", "prayer")).isEqualTo(2);

        assertThat(err.toString()).contains("--fix").doesNotContain("Exception");
    }

    @Test
    void allTakesNoSizesBecauseEachExperimentUsesItsOwn() {
        assertThat(weft("lab", "all", "--threads", "2")).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: --threads does not apply to 'all'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void allRefusesAnOutThatIsAFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("report"), "x");

        assertThat(weft("lab", "all", "--out", file.toString())).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: --out " + file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void outIsOnlyForAll() {
        assertThat(weft("lab", "race", "--out", "somewhere")).isEqualTo(2);

        assertThat(err.toString()).startsWith("weft: --out applies to 'weft lab all' only");
    }

    @Test
    void aRunPrintsTheSeedLessonUnderTheSetup() {
        assertThat(weft("lab", "candy", "--iterations", "2")).isZero();

        assertThat(out.toString().lines().skip(1).findFirst())
                .hasValueSatisfying(line -> assertThat(line).startsWith("  seed lesson: seed 003, 42"));
    }
}
