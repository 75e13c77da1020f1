package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/** weft serve, get and post, against weft's own server. */
class HttpCommandsTest {

    @TempDir
    Path root;
    @TempDir
    Path work;
    private HttpServer server;
    private String base;

    /** What one run of the weft command printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run weft(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void start() throws IOException {
        Files.writeString(root.resolve("hello.txt"), "hello there");
        Files.writeString(root.resolve("data.json"), "{\"a\":[1,2],\"b\":\"x\"}");
        FileServer files = new FileServer(FileServerOptions.of(root).withUpload(true, false));
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), request -> switch (request.path()) {
            case "/params" -> HttpResponse.text(200, request.queryParameters() + " " + request.header("X-Token"));
            case "/form" -> HttpResponse.text(200, request.header("Content-Type").split(";")[0] + " " + request.bodyText());
            default -> files.handle(request);
        });
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getPrintsTheBodyAndDecodesGzip() {
        Run run = weft("get", base + "/hello.txt", "-H", "Accept-Encoding: gzip");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("hello there");
    }

    @Test
    void getSendsParamsAndHeaders() {
        Run run = weft("get", base + "/params", "--param", "q=a b", "--param", "q=c", "-H", "X-Token: t1");
        assertThat(run.out()).isEqualTo("{q=[a b, c]} t1");
    }

    @Test
    void getPrettyPrintsJson() {
        assertThat(weft("get", base + "/data.json", "--json").out()).contains("\"a\" : [ 1, 2 ]").contains("\n");
    }

    @Test
    void getSavesToAFile() throws IOException {
        Path saved = work.resolve("copy.txt");
        assertThat(weft("get", base + "/hello.txt", "-o", saved.toString()).code()).isZero();
        assertThat(saved).hasContent("hello there");
    }

    @Test
    void getOfAMissingPageFailsWithTheStatusAndSavesNothing() {
        Path saved = work.resolve("missing.txt");
        Run run = weft("get", base + "/nope", "-o", saved.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: " + base + "/nope answered 404" + System.lineSeparator());
        assertThat(saved).doesNotExist();
        assertThat(work.toFile().list()).isEmpty();
    }

    @Test
    void getOfAClosedPortIsAOneLineError() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Run run = weft("get", "http://127.0.0.1:" + port + "/");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: cannot connect to 127.0.0.1 port " + port).hasLineCount(1);
    }

    @Test
    void headPrintsStatusAndHeaders() {
        Run run = weft("get", base + "/hello.txt", "--head");
        assertThat(run.out()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/plain; charset=utf-8").contains("etag: ");
    }

    @Test
    void postSendsAForm() {
        Run run = weft("post", base + "/form", "--form", "name=Ann Lee", "--form", "x=1");
        assertThat(run.out()).isEqualTo("application/x-www-form-urlencoded name=Ann+Lee&x=1");
    }

    @Test
    void postSendsJsonFromAFile() throws IOException {
        Path json = Files.writeString(work.resolve("body.json"), "{\"k\":1}");
        assertThat(weft("post", base + "/form", "--json-body", json.toString()).out()).isEqualTo("application/json {\"k\":1}");
    }

    @Test
    void postUploadsA50MibFileAsStreamedMultipart() throws IOException {
        Path big = work.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L << 20);
            file.seek(12345);
            file.write(new byte[] {1, 2, 3});
        }
        Run run = weft("post", base + "/", "--file", "file=@" + big);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(root.resolve("big.bin")).hasSize(50L << 20).hasSameBinaryContentAs(big);
    }

    @Test
    void serveWithoutAFolderThatExistsIsAOneLineError() {
        Run run = weft("serve", work.resolve("absent").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: cannot serve").hasLineCount(1);
    }

    @Test
    void serveOnAPortInUseIsAOneLineError() {
        Run run = weft("serve", root.toString(), "--port", Integer.toString(server.port()));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: cannot listen on 127.0.0.1 port " + server.port()).hasLineCount(1);
    }

    @Test
    void serveAnnouncesItselfAndServesTheFolder() throws Exception {
        StringWriter out = new StringWriter();
        Thread serving = Thread.ofVirtual().start(() -> Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "serve", root.toString(), "--port", "0", "--quiet"));
        Pattern line = Pattern.compile("Serving HTTP on 127\\.0\\.0\\.1 port (\\d+) \\(model: event-loop:\\d+\\) \\.\\.\\.");
        await().atMost(Duration.ofSeconds(10)).until(() -> line.matcher(out.toString()).find());
        Matcher matcher = line.matcher(out.toString());
        assertThat(matcher.find()).isTrue();
        assertThat(weft("get", "http://127.0.0.1:" + matcher.group(1) + "/hello.txt").out()).isEqualTo("hello there");
        serving.interrupt();
    }
}
