package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.http.HttpHeaders;

/** Form posts: url-encoded and multipart, files kept in memory or streamed to disk, temp files cleaned up. */
class FormsTest {

    private static final String BOUNDARY = "----weftBoundary7MA4YWxkTrZu0gW";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path uploads;

    /** An app that describes the form it received, including whether its temp files exist during the request. */
    private Web app() {
        return Weft.http().uploads(new Uploads(uploads, 1024, 4096)).post("/upload", request -> {
            Form form = request.form();
            UploadedFile file = form.file("file");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (var in = file.open()) {
                byte[] chunk = new byte[64 * 1024];
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    sha.update(chunk, 0, n);
                }
            }
            try (Stream<Path> temp = Files.list(uploads)) {
                return Map.of("title", form.field("title"), "fileName", file.fileName(), "size", file.size(),
                        "onDisk", file.onDisk(), "sha256", HexFormat.of().formatHex(sha.digest()),
                        "tempFiles", temp.count());
            }
        });
    }

    private static byte[] multipart(String title, String fileName, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[headBytes.length + content.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(content, 0, body, headBytes.length, content.length);
        System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
        return body;
    }

    private JsonNode postInProcess(byte[] body) throws Exception {
        var response = app().handler().handle(dev.weft.http.HttpRequest.of("POST", "/upload",
                HttpHeaders.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body));
        return JSON.readTree(((dev.weft.http.ResponseBody.Bytes) response.body()).bytes());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void smallFilePartStaysInMemory() throws Exception {
        byte[] content = "hello, file\r\n--not-the-boundary".getBytes(StandardCharsets.UTF_8);
        JsonNode result = postInProcess(multipart("small", "a.txt", content));
        assertThat(result.get("onDisk").asBoolean()).isFalse();
        assertThat(result.get("size").asLong()).isEqualTo(content.length);
        assertThat(result.get("sha256").asText()).isEqualTo(sha256(content));
        assertThat(result.get("tempFiles").asLong()).isZero();
    }

    @Test
    void filePartPastTheThresholdStreamsToATempFileDeletedAfterTheRequest() throws Exception {
        byte[] content = new byte[10_000];
        new Random(1).nextBytes(content);
        JsonNode result = postInProcess(multipart("big", "b.bin", content));
        assertThat(result.get("onDisk").asBoolean()).isTrue();
        assertThat(result.get("tempFiles").asLong()).isEqualTo(1);
        assertThat(result.get("sha256").asText()).isEqualTo(sha256(content));
        try (Stream<Path> left = Files.list(uploads)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void utf8FileNameAndFieldAreDecoded() throws Exception {
        JsonNode result = postInProcess(multipart("标题", "C:\\photos\\头像.png", new byte[] {1, 2, 3}));
        assertThat(result.get("title").asText()).isEqualTo("标题");
        assertThat(result.get("fileName").asText()).isEqualTo("头像.png");
    }

    @Test
    void fieldLargerThanTheLimitIs413() throws Exception {
        var response = app().handler().handle(dev.weft.http.HttpRequest.of("POST", "/upload",
                HttpHeaders.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                multipart("x".repeat(5000), "a.txt", new byte[1])));
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void bodyThatIsNotAFormIs415() throws Exception {
        var response = app().handler().handle(dev.weft.http.HttpRequest.of("POST", "/upload",
                HttpHeaders.of("Content-Type", "text/plain"), "hi".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void fiftyMebibyteUploadOverLoopbackStreamsToDisk() throws Exception {
        byte[] content = new byte[50 << 20];
        new Random(50).nextBytes(content);
        byte[] body = multipart("fifty", "big.bin", content);
        try (WebServer server = app().start(0); HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(response.body());
            assertThat(result.get("size").asLong()).isEqualTo(50L << 20);
            assertThat(result.get("onDisk").asBoolean()).isTrue();
            assertThat(result.get("sha256").asText()).isEqualTo(sha256(content));
        }
        try (Stream<Path> left = Files.list(uploads)) {
            assertThat(left).isEmpty();
        }
    }
}
