package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Set-Cookie headers as browsers read them, and the lenient reading of Cookie headers. */
class CookieTest {

    @Test
    void aNewCookieIsForTheWholeSiteHttpOnlyAndLax() {
        assertThat(Cookie.of("theme", "dark").header()).isEqualTo("theme=dark; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void everyAttributeIsWritten() {
        Cookie cookie = Cookie.of("id", "abc").withPath("/app").withDomain("example.com").withMaxAge(Duration.ofHours(1))
                .withExpires(Instant.parse("2030-01-02T03:04:05Z")).withSecure(true).withHttpOnly(false)
                .withSameSite(Cookie.SameSite.STRICT);
        assertThat(cookie.header()).isEqualTo("id=abc; Path=/app; Domain=example.com; Max-Age=3600; "
                + "Expires=Wed, 2 Jan 2030 03:04:05 GMT; Secure; SameSite=Strict");
    }

    @Test
    void deletingSetsAnEmptyValueThatExpiresAtOnce() {
        assertThat(Cookie.deleting("id").header())
                .isEqualTo("id=; Path=/; Max-Age=0; Expires=Thu, 1 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }

    @Test
    void aValueThatWouldBreakTheHeaderIsRefused() {
        assertThatThrownBy(() -> Cookie.of("name", "a;b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a;b'");
        assertThatThrownBy(() -> Cookie.of("bad name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad name'");
    }

    @Test
    void sameSiteNoneNeedsSecure() {
        assertThatThrownBy(() -> Cookie.of("id", "x").withSameSite(Cookie.SameSite.NONE))
                .hasMessageContaining("SameSite=None needs Secure");
        assertThat(Cookie.of("id", "x").withSecure(true).withSameSite(Cookie.SameSite.NONE).header()).endsWith("SameSite=None");
    }

    @Test
    void parsingKeepsGoodFieldsAndSkipsBadOnes() {
        Map<String, String> cookies = Cookie.parse(List.of("a=1; junk; =nameless; b=\"quoted\"; bad name=2; c=x\u0001y",
                "a=second; d="));
        assertThat(cookies).containsExactly(Map.entry("a", "1"), Map.entry("b", "quoted"), Map.entry("d", ""));
    }

    @Test
    void toStringNeverShowsTheValue() {
        assertThat(Cookie.of("weft_session", "secret-id").toString()).doesNotContain("secret-id");
    }
}
