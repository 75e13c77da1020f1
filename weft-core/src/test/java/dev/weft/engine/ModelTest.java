package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

    @Test
    void parsesEverySpellingAndPrintsItBack() {
        for (Model model : Model.all()) {
            assertThat(Model.parse(model.spec())).isEqualTo(model);
        }
    }

    @Test
    void sizedModelsDefaultToTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Model.parse("pool")).isEqualTo(new Model.Pool(2 * cores));
        assertThat(Model.parse("event-loop")).isEqualTo(new Model.EventLoop(cores));
        assertThat(Model.parse("processes")).isEqualTo(new Model.Processes(cores));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fibers", "pool:0", "pool:x", "virtual:2", "event-loop:-1", "processes:99999"})
    void rejectsBadSpellingsNamingTheValue(String spec) {
        assertThatThrownBy(() -> Model.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec.isEmpty() ? "unknown model" : spec.split(":")[0]);
    }
}
