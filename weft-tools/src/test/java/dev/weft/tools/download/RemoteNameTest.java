package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.weft.http.HttpHeaders;

/** How a download's file name is chosen and cleaned, from headers and URLs alone. */
class RemoteNameTest {

    private static String name(String url, String disposition) {
        HttpHeaders headers = disposition == null ? HttpHeaders.of() : HttpHeaders.of("Content-Disposition", disposition);
        return RemoteName.of(URI.create(url), headers);
    }

    @Test
    void takesTheLastPathSegmentDecoded() {
        assertThat(name("http://h/a/b/My%20Photo.jpg?x=1", null)).isEqualTo("My Photo.jpg");
    }

    @Test
    void fallsBackToIndexHtmlForADirectoryUrl() {
        assertThat(name("http://h/", null)).isEqualTo("index.html");
        assertThat(name("http://h", null)).isEqualTo("index.html");
    }

    @Test
    void prefersTheQuotedDispositionFilename() {
        assertThat(name("http://h/download?id=7", "attachment; filename=\"report 2024.pdf\"")).isEqualTo("report 2024.pdf");
    }

    @Test
    void prefersTheExtendedUtf8DispositionFilename() {
        assertThat(name("http://h/x", "attachment; filename=\"rates.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt"))
                .isEqualTo("€ rates.txt");
    }

    @Test
    void acceptsAnUnquotedDispositionFilename() {
        assertThat(name("http://h/x", "attachment; filename=data.csv")).isEqualTo("data.csv");
    }

    @Test
    void stripsDirectoriesAndLeadingDotsAServerSends() {
        assertThat(name("http://h/x", "attachment; filename=\"../../etc/passwd\"")).isEqualTo("passwd");
        assertThat(name("http://h/x", "attachment; filename=\"..\\\\..\\\\boot.ini\"")).isEqualTo("boot.ini");
        assertThat(name("http://h/.bashrc", null)).isEqualTo("bashrc");
        assertThat(name("http://h/x/..%2F..%2Fsecret", null)).isEqualTo("secret");
    }

    @Test
    void fallsBackToTheUrlWhenTheDispositionNameIsEmpty() {
        assertThat(name("http://h/real.bin", "attachment; filename=\"..\"")).isEqualTo("real.bin");
    }

    @Test
    void boundsTheLengthKeepingTheExtension() {
        String name = name("http://h/" + "a".repeat(300) + ".tar.gz", null);

        assertThat(name).hasSize(200).endsWith(".gz");
    }
}
