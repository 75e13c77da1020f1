package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "dir/with space/ü 名前.txt", "50%\n+tab\there", "a+b=c&d"})
    void pathsSurviveEncodingAsOneField(String path) throws IOException {
        String encoded = Wire.encode(path);

        assertThat(encoded).doesNotContain(" ", "\n", "\t");
        assertThat(Wire.decode(encoded)).isEqualTo(path);
    }

    @Test
    void emptyPathEncodesAsTheRoot() {
        assertThat(Wire.encode("")).isEqualTo(".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2", "a%zz", "a b", "%C3%28"})
    void brokenEscapesSpacesAndBadUtf8AreBadRequests(String field) {
        assertThatThrownBy(() -> Wire.decode(field))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.code()).isEqualTo(FilesException.Code.BAD_REQUEST));
    }

    @Test
    void readLineDropsTheLineEndAndReturnsNullAtEnd() throws IOException {
        var in = new ByteArrayInputStream("GET a 0\r\nLIST .\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Wire.readLine(in)).isEqualTo("GET a 0");
        assertThat(Wire.readLine(in)).isEqualTo("LIST .");
        assertThat(Wire.readLine(in)).isNull();
    }

    @Test
    void aLineLongerThanTheLimitIsABadRequest() {
        var in = new ByteArrayInputStream(("GET " + "a".repeat(Wire.MAX_LINE) + " 0\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Wire.readLine(in)).isInstanceOf(FilesException.class).hasMessageContaining("longer than");
    }

    @Test
    void aStreamEndingInsideALineIsAnError() {
        var in = new ByteArrayInputStream("GET a".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Wire.readLine(in)).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void numbersMustBeNonNegativeDecimals() throws FilesException {
        assertThat(Wire.number("42", "GET a 42")).isEqualTo(42);
        assertThatThrownBy(() -> Wire.number("-1", "GET a -1")).hasMessageContaining("bad number '-1'");
        assertThatThrownBy(() -> Wire.number("1e3", "GET a 1e3")).hasMessageContaining("bad number '1e3'");
    }
}
