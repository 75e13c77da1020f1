package dev.weft.services.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineEncodingTest {

    @Test
    void acceptsUtf8AndGbk() {
        assertThat(LineEncoding.forName("utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(LineEncoding.forName("gbk").name()).isEqualTo("GBK");
    }

    @Test
    void refusesAnEncodingThatChangesAsciiBytes() {
        assertThatThrownBy(() -> LineEncoding.forName("utf-16")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'utf-16' does not keep ASCII as ASCII");
    }

    @Test
    void refusesAnUnknownEncodingByName() {
        assertThatThrownBy(() -> LineEncoding.forName("klingon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown encoding 'klingon' (try utf-8 or gbk)");
    }
}
