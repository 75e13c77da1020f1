package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lab tab runs an experiment the lab lists and shows what it measured. */
class LabTabTest {

    @TempDir
    Path config;

    @Test
    void aLabRunShowsItsVerdictFiguresAndComparisonChart() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Lab");
            LabPanel lab = gui.window().lab();
            assertThat(gui.onEdt(() -> lab.select("race"))).isTrue();
            gui.click(lab.runButton());
            await().atMost(Duration.ofSeconds(60)).until(() -> gui.onEdt(() -> lab.lastResult() != null));

            var result = gui.onEdt(lab::lastResult);
            assertThat(result.experiment()).isEqualTo("race");
            assertThat(gui.onEdt(() -> lab.verdict().getText())).contains(result.explanation().getFirst());
            assertThat(gui.onEdt(() -> lab.chartHolder().getComponentCount())).isEqualTo(1);
            gui.screenshot("lab");
        }
    }
}
