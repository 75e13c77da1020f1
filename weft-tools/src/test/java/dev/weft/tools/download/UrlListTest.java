package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;

import org.junit.jupiter.api.Test;

/** Reading URL lists ({@code -i LIST}) and checking URLs. */
class UrlListTest {

    @Test
    void skipsBlankLinesAndComments() throws Exception {
        String list = "# images\nhttp://a/1.jpg\n\n   https://b/2.jpg  \n#http://c/\n";

        assertThat(UrlList.read(new BufferedReader(new StringReader(list)), "list.txt"))
                .containsExactly(URI.create("http://a/1.jpg"), URI.create("https://b/2.jpg"));
    }

    @Test
    void namesTheLineOfABadUrl() {
        assertThatThrownBy(() -> UrlList.read(new BufferedReader(new StringReader("http://a/\nhttp://b/ c\n")), "l.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad URL 'http://b/ c' (line 2 of l.txt)");
    }

    @Test
    void refusesSchemesOtherThanHttpAndUrlsWithoutAHost() {
        assertThatThrownBy(() -> UrlList.parse("file:///etc/passwd")).hasMessage("not an http or https URL: 'file:///etc/passwd'");
        assertThatThrownBy(() -> UrlList.parse("http:relative")).hasMessage("not an http or https URL: 'http:relative'");
        assertThatThrownBy(() -> UrlList.parse("example.org/x")).hasMessage("not an http or https URL: 'example.org/x'");
    }
}
