package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabReportTest {

    /** An experiment that always fails, to see a failure recorded and the rest still run. */
    private static final class Broken implements Experiment {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String lesson() {
            return "seed 000, nowhere";
        }

        @Override
        public String summary() {
            return "fails";
        }

        @Override
        public Set<Knob> knobs() {
            return EnumSet.noneOf(Knob.class);
        }

        @Override
        public Result run(LabOptions options) {
            throw new LabFailure("broken: on purpose");
        }
    }

    private static LabReport report(List<String> progress) throws InterruptedException {
        return LabReport.run(List.of(new TicketsExperiment(), new Broken(), new CandyExperiment()),
                entry -> progress.add(entry.experiment().name()));
    }

    @Test
    void everyExperimentRunsAndAFailureIsRecordedNotThrown() throws InterruptedException {
        List<String> progress = new ArrayList<>();
        LabReport report = report(progress);

        assertThat(progress).containsExactly("tickets", "broken", "candy");
        assertThat(report.failures()).isEqualTo(1);
    }

    @Test
    void theJsonHasTheDocumentedKeys(@TempDir Path folder) throws Exception {
        LabReport report = report(new ArrayList<>());
        List<Path> written = report.write(folder);

        JsonNode json = new ObjectMapper().readTree(Files.readString(written.get(1)));
        assertThat(json.fieldNames()).toIterable().containsExactly("report", "formatVersion", "startedAt", "cores", "java",
                "seconds", "experiments", "failures");
        assertThat(json.get("experiments")).extracting(e -> e.get("experiment").asText()).containsExactly("tickets", "candy");
        assertThat(json.get("experiments").get(0).get("lesson").asText()).startsWith("seed 004");
        assertThat(json.get("experiments").get(1).has("rushEmpty")).isTrue();
        assertThat(json.get("failures").get(0).get("error").asText()).isEqualTo("broken: on purpose");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lab-report.md", "lab-report.json");
        }
    }

    @Test
    void theMarkdownHasASummaryRowAndASectionPerExperiment() throws InterruptedException {
        String markdown = report(new ArrayList<>()).markdown();

        assertThat(markdown).startsWith("# weft lab all\n")
                .contains("| tickets | seed 004")
                .contains("| broken | seed 000, nowhere |")
                .contains("failed: broken: on purpose")
                .contains("## candy\n")
                .contains("| `rushEmpty` |");
    }
}
