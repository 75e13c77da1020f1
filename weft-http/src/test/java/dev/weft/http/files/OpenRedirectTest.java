package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.http.LocalPath;
import dev.weft.http.RawClient;

/**
 * A folder named like a host must not turn a request for {@code //evil.com} into {@code Location: //evil.com/}, which
 * browsers and {@code curl -L} follow to evil.com (issue 19; CVE-2021-28861 in Python's http.server).
 */
class OpenRedirectTest {

    @TempDir
    Path root;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aDirectoryRedirectIsAPathOnThisServerWhateverTheLeadingSlashes(Model model) throws IOException {
        Files.createDirectories(root.resolve("evil.com"));
        try (HttpServer server = FileServers.start(model, root, false)) {
            for (String target : new String[] {"//evil.com", "///evil.com", "//evil.com?q=1", "/.//evil.com"}) {
                try (RawClient client = new RawClient(server.port())) {
                    RawClient.Response response = client.send(RawClient.get(target)).read();
                    if (response.status() == 301) {
                        assertThat(response.header("Location")).as(target).startsWith("/evil.com/");
                    } else {
                        assertThat(response.status()).as(target).isEqualTo(404);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theRedirectAfterABrowserUploadIsAPathOnThisServer(Model model) throws IOException {
        Files.createDirectories(root.resolve("evil.com"));
        try (HttpServer server = FileServers.start(model, root, true); RawClient client = new RawClient(server.port())) {
            String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhi\r\n--b--\r\n";
            client.send("POST //evil.com/ HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(303);
            assertThat(response.header("Location")).isEqualTo("/evil.com/");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theRedirectAfterMakingAFolderIsAPathOnThisServer(Model model) throws IOException {
        Files.createDirectories(root.resolve("evil.com"));
        try (HttpServer server = FileServers.start(model, root, true); RawClient client = new RawClient(server.port())) {
            String body = "mkdir=x";
            client.send("POST //evil.com/ HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(303);
            assertThat(response.header("Location")).isEqualTo("/evil.com/");
            assertThat(root.resolve("evil.com/x")).isDirectory();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com/", "/\\evil.com/", "\\\\evil.com/", "/%2F%2Fevil.com/", "/%5cevil.com/",
            "/%2f/evil.com/", "/\t/evil.com/", "/%09/evil.com/", "/ /evil.com/", "/%0D%0A/evil.com/"})
    void everyLeadingSeparatorFormCollapsesToOneSlash(String path) {
        assertThat(LocalPath.of(path)).isEqualTo("/evil.com/");
    }

    @Test
    void anOrdinaryPathIsKept() {
        assertThat(LocalPath.of("/docs/a%20b/")).isEqualTo("/docs/a%20b/");
        assertThat(LocalPath.of("docs/")).isEqualTo("/docs/");
    }
}
