package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.http.RawClient;

/**
 * Upload names by one rule under every model (issue 19.4, 19.5): a name too long for the file system is a 4xx with
 * its reason and leaves nothing; a non-ASCII multipart name is stored as sent (it was stored as {@code rÃ©sumÃ©.txt},
 * whose URL then 404'd), {@code filename*} included; an upload never replaces a symlink.
 */
class UploadNamesTest {

    @TempDir
    Path root;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private static RawClient.Response post(HttpServer server, String disposition, String content) throws IOException {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; " + disposition + "\r\n\r\n" + content
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        try (RawClient client = new RawClient(server.port())) {
            client.send(("POST / HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return client.send(body).read();
        }
    }

    private static RawClient.Response put(HttpServer server, String rawPath, String content) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send("PUT " + rawPath + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + content.length() + "\r\n\r\n" + content).read();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPutNameLongerThan255BytesIs400AndLeavesNothing(Model model) throws IOException {
        try (HttpServer server = FileServers.start(model, root, true)) {
            RawClient.Response response = put(server, "/" + "n".repeat(300), "hello");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("300 bytes long; at most 255");
        }
        assertThat(root.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aMultipartNameLongerThan255BytesIs400AndLeavesNothing(Model model) throws IOException {
        try (HttpServer server = FileServers.start(model, root, true)) {
            RawClient.Response response = post(server, "filename=\"" + "é".repeat(200) + ".txt\"", "hello");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("404 bytes long; at most 255");
        }
        assertThat(root.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aNonAsciiMultipartNameIsStoredAsSentAndServedAtItsUrl(Model model) throws IOException {
        try (HttpServer server = FileServers.start(model, root, true)) {
            assertThat(post(server, "filename=\"résumé.txt\"", "cv").status()).isEqualTo(201);

            assertThat(root.toFile().list()).containsExactly("résumé.txt");
            try (RawClient client = new RawClient(server.port())) {
                assertThat(client.send(RawClient.get("/r%C3%A9sum%C3%A9.txt")).read().body()).isEqualTo("cv");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anExtendedFilenameWinsOverThePlainOne(Model model) throws IOException {
        try (HttpServer server = FileServers.start(model, root, true)) {
            RawClient.Response response = post(server, "filename=\"resume.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt", "cv");

            assertThat(response.status()).isEqualTo(201);
            assertThat(root.toFile().list()).containsExactly("résumé.txt");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPutOntoASymlinkIs403AndTheLinkStays(Model model) throws IOException {
        Files.writeString(root.resolve("real.txt"), "original");
        Files.createSymbolicLink(root.resolve("link.txt"), Path.of("real.txt"));
        try (HttpServer server = FileServers.start(model, root, true)) {
            RawClient.Response response = put(server, "/link.txt", "replaced");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("symbolic link");
        }
        assertThat(Files.isSymbolicLink(root.resolve("link.txt"))).isTrue();
        assertThat(Files.readString(root.resolve("real.txt"))).isEqualTo("original");
    }
}
