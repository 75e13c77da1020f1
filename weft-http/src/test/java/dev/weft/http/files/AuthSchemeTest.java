package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.http.RawClient;

/** The Basic authentication scheme name is case-insensitive (RFC 9110 section 11.1); {@code basic ...} was refused (issue 19.7). */
class AuthSchemeTest {

    private static final String TOKEN = Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path root;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private static int status(HttpServer server, String authorization) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send("GET /notes.txt HTTP/1.1\r\nHost: t\r\nAuthorization: " + authorization + "\r\n\r\n").read().status();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSchemeMatchesInAnyCaseAndOnlyTheRightCredentialsPass(Model model) throws IOException {
        Files.writeString(root.resolve("notes.txt"), "n");
        try (HttpServer server = FileServers.start(model, root, false, "ann:s3cret")) {
            assertThat(status(server, "Basic " + TOKEN)).isEqualTo(200);
            assertThat(status(server, "basic " + TOKEN)).isEqualTo(200);
            assertThat(status(server, "BASIC  " + TOKEN)).isEqualTo(200);

            assertThat(status(server, "basic " + Base64.getEncoder().encodeToString("ann:wrong".getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);
            assertThat(status(server, "Bearer " + TOKEN)).isEqualTo(401);
            assertThat(status(server, TOKEN)).isEqualTo(401);
        }
    }
}
