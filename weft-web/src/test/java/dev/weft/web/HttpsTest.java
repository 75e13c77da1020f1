package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.engine.Model;
import dev.weft.tls.Tls;

/**
 * A web app over HTTPS under every model, through the JDK's HttpClient trusting the server's self-signed
 * certificate; the client offers h2 and http/1.1 by ALPN, as browsers do.
 */
class HttpsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "weft-https-boundary";

    @TempDir
    static Path keys;
    private static AppServers servers;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @BeforeAll
    static void start() throws Exception {
        servers = new AppServers(SecureApp.class, Tls.selfSigned(), keys);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aRouteSeesASecureConnectionAndAlpnSettlesOnHttp11(Model model) throws Exception {
        HttpResponse<String> response = servers.get(model, "/connection");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).startsWith("TLS"));
        assertThat(JSON.readTree(response.body()).get("secure").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void keepAliveCarriesRequestAfterRequestOnOneConnection(Model model) throws Exception {
        int port = JSON.readTree(servers.get(model, "/connection").body()).get("port").asInt();
        for (int i = 0; i < 3; i++) {
            assertThat(JSON.readTree(servers.get(model, "/connection").body()).get("port").asInt()).isEqualTo(port);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void staticFilesAndTheirRangesAreServed(Model model) throws Exception {
        assertThat(servers.get(model, "/").body()).isEqualTo("<h1>static index</h1>\n");
        HttpResponse<String> range = servers.send(model, HttpRequest.newBuilder().header("Range", "bytes=4-9").GET(), "/");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("static");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aMultipartUploadArrivesWhole(Model model) throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(21).nextBytes(content);
        HttpResponse<String> response = servers.send(model, HttpRequest.newBuilder()
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("secret", content))), "/upload");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("title").asText()).isEqualTo("secret");
        assertThat(result.get("size").asLong()).isEqualTo(content.length);
        assertThat(result.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void largeBodiesGoBothWays(Model model) throws Exception {
        String sent = new String(SecureApp.large(), StandardCharsets.US_ASCII);
        HttpResponse<String> echo = servers.post(model, "/echo", "text/plain", sent);
        assertThat(echo.body().length()).isEqualTo(sent.length());
        assertThat(echo.body().equals(sent)).as("the echoed body is the sent one").isTrue();
        HttpResponse<String> streamed = servers.get(model, "/large");
        assertThat(streamed.body().length()).isEqualTo(SecureApp.LARGE);
        assertThat(streamed.body().equals(sent)).as("the streamed body is the app's").isTrue();
    }

    private static byte[] multipart(String title, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
