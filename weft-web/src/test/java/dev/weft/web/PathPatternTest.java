package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Path patterns matched against decoded path segments. */
class PathPatternTest {

    private static Map<String, String> match(String pattern, String path) {
        return PathPattern.parse(pattern).match(PathPattern.split(path));
    }

    @Test
    void literalPatternMatchesOnlyItsPath() {
        assertThat(match("/info", "/info")).isEmpty();
        assertThat(match("/info", "/info/")).isNull();
        assertThat(match("/", "/")).isEmpty();
    }

    @Test
    void namedParameterBindsOneNonEmptySegment() {
        assertThat(match("/users/{id}", "/users/42")).isEqualTo(Map.of("id", "42"));
        assertThat(match("/users/{id}", "/users/")).isNull();
        assertThat(match("/users/{id}", "/users/1/2")).isNull();
    }

    @Test
    void regexConstraintMustMatchTheWholeSegment() {
        assertThat(match("/users/{id:\\d+}", "/users/42")).isEqualTo(Map.of("id", "42"));
        assertThat(match("/users/{id:\\d+}", "/users/42a")).isNull();
    }

    @Test
    void trailingWildcardBindsTheRest() {
        assertThat(match("/files/*", "/files/a/b")).isEqualTo(Map.of("*", "a/b"));
        assertThat(match("/files/*", "/files/")).isEqualTo(Map.of("*", ""));
        assertThat(match("/files/*", "/files")).isNull();
    }

    @Test
    void badPatternsAreRejectedNamingThem() {
        for (String bad : List.of("info", "/a/{id", "/a/{:x}", "/a/*/b", "/a/{id:[}")) {
            assertThatThrownBy(() -> PathPattern.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }
}
