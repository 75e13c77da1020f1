package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage mistakes: exit 2, one line with one {@code weft:} prefix, the help hint, and the nearest match when there is one. */
class UsageErrorsTest {

    private static HttpCommandsTest.Run weft(String... args) {
        return HttpCommandsTest.weft(args);
    }

    @Test
    void aMistypedCommandSuggestsTheNearestOne() {
        HttpCommandsTest.Run run = weft("sever");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("weft: unknown command 'sever'; did you mean 'serve'?",
                "Try 'weft --help' for more information.");
    }

    @Test
    void aMistypedSubcommandSuggestsTheNearestOne() {
        HttpCommandsTest.Run run = weft("echo", "sever");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("weft: unknown command 'sever'; did you mean 'server'?");
    }

    @Test
    void aMistypedOptionSuggestsTheNearestOne() {
        HttpCommandsTest.Run run = weft("get", "--tiemout", "5", "http://127.0.0.1:1/");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("weft: unknown option '--tiemout'; did you mean '--timeout'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo server", "echo server --udp", "time server", "chat", "files server .", "serve"})
    void aPortOutOfRangeIsAUsageError(String command) {
        String[] words = (command + " --port 70000").split(" ");
        HttpCommandsTest.Run run = weft(words);
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("weft: ")
                .contains("70000").doesNotContain("Error:").doesNotContain("Exception"));
    }

    @Test
    void aFormFieldWithoutAValueIsAUsageError() {
        HttpCommandsTest.Run run = weft("post", "http://127.0.0.1:1/", "--form", "novalue");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("weft: --form needs NAME=VALUE, not 'novalue'");
    }

    @Test
    void noMessageCarriesASecondPrefix() {
        HttpCommandsTest.Run run = weft("resolve");
        assertThat(run.err()).doesNotContain("Error:").containsOnlyOnce("weft:");
    }
}
