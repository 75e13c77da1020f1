package dev.weft.tools.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Seed 003's displayFirst20 rules, line for line. */
class MeaningfulLinesTest {

    @Test
    void skipsQuotedLinesButKeepsInteractivePrompts() {
        assertThat(MeaningfulLines.first(List.of("> quoted", "| piped", ">>> print(1)", ">> twice", "own"), 20))
                .containsExactly(">>> print(1)", "own");
    }

    @Test
    void skipsAttributionLinesWhateverTheirCase() {
        assertThat(MeaningfulLines.first(List.of(
                "In article <x@y>, bob@example.org says", "Bob Smith writes:", "\"Remco\" <r@x> WROTE:", "mine"), 20))
                .containsExactly("mine");
    }

    @Test
    void showsARunOfBlankLinesAsOneAndDropsLeadingBlanks() {
        assertThat(MeaningfulLines.first(List.of("", "  ", "one", "", "", "", "two", ""), 20))
                .containsExactly("one", "", "two", "");
    }

    @Test
    void blankLineAfterSkippedQuoteStillCollapses() {
        assertThat(MeaningfulLines.first(List.of("one", "", "> q", "", "two"), 20))
                .containsExactly("one", "", "two");
    }

    @Test
    void stripsTrailingButNotLeadingSpaces() {
        assertThat(MeaningfulLines.first(List.of("    indented code   ", "\tx = 1\t"), 20))
                .containsExactly("    indented code", "\tx = 1");
    }

    @Test
    void countsOnlyNonBlankLinesTowardTheLimit() {
        assertThat(MeaningfulLines.first(List.of("1", "", "2", "", "3", "4"), 2)).containsExactly("1", "", "2");
    }

    @Test
    void stopsAfterTwentyMeaningfulLinesByDefaultUse() {
        List<String> body = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).toList();
        assertThat(MeaningfulLines.first(body, 20)).hasSize(20).endsWith("line 20");
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> MeaningfulLines.first(List.of(), 0)).hasMessage("line limit must be at least 1: 0");
    }
}
