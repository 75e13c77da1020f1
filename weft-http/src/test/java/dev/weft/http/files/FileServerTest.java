package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;

/** The folder server's behaviour over a real server and client. */
class FileServerTest {

    @TempDir
    Path root;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void files() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("notes.txt"), "0123456789".repeat(100));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/b.css"), "body{}");
        Files.writeString(root.resolve("docs/a <x>.txt"), "a");
        Files.createDirectories(root.resolve("docs/zdir"));
        Files.writeString(root.resolve("docs/.secret"), "s");
        Files.writeString(root.resolve("app.js"), "console.log(1)".repeat(50));
        Files.write(root.resolve("app.js.gz"), FileCache.gzip("precompressed".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String start(FileServerOptions options) throws IOException {
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), new FileServer(options));
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<byte[]> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theRootServesIndexHtmlAsUtf8Html() throws Exception {
        HttpResponse<byte[]> response = get(start(FileServerOptions.of(root)) + "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("<h1>home</h1>");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void aDirectoryWithoutIndexIs404UnlessListingIsOn() throws Exception {
        assertThat(get(start(FileServerOptions.of(root)) + "/docs/").statusCode()).isEqualTo(404);
    }

    @Test
    void aDirectoryWithoutTrailingSlashRedirects() throws Exception {
        HttpResponse<byte[]> response = get(start(FileServerOptions.of(root).withListing(true)) + "/docs");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/docs/");
    }

    @Test
    void theListingIsSortedEscapedAndHidesDotfiles() throws Exception {
        String page = text(get(start(FileServerOptions.of(root).withListing(true)) + "/docs/"));
        assertThat(page).contains("a &lt;x&gt;.txt").contains("href=\"a%20%3Cx%3E.txt\"").doesNotContain(".secret");
        assertThat(page.indexOf("zdir/")).isLessThan(page.indexOf("a &lt;x&gt;.txt"));
        assertThat(page.indexOf("a &lt;x&gt;.txt")).isLessThan(page.indexOf("b.css"));
    }

    @Test
    void theListingIsJsonWhenAskedFor() throws Exception {
        HttpResponse<byte[]> response = get(start(FileServerOptions.of(root).withListing(true)) + "/docs/", "Accept", "application/json");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(text(response)).contains("\"name\":\"b.css\"").contains("\"type\":\"directory\"");
    }

    @Test
    void anEditIsServedLongBeforeKeptAttributesWouldBeReadAgain() throws Exception {
        String base = start(FileServerOptions.of(root).withGzip(false));
        assertThat(text(get(base + "/notes.txt"))).startsWith("0123456789");

        Files.writeString(root.resolve("notes.txt"), "edited");

        await().atMost(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(10))
                .until(() -> text(get(base + "/notes.txt")).equals("edited"));
    }

    @Test
    void aMatchingEtagOrDateGives304() throws Exception {
        String base = start(FileServerOptions.of(root).withGzip(false));
        HttpResponse<byte[]> first = get(base + "/notes.txt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get(base + "/notes.txt", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(base + "/notes.txt", "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(get(base + "/notes.txt", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aSingleRangeGives206AndAnUnsatisfiableOne416() throws Exception {
        String base = start(FileServerOptions.of(root));
        HttpResponse<byte[]> part = get(base + "/notes.txt", "Range", "bytes=5-14");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(text(part)).isEqualTo("5678901234");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 5-14/1000");
        assertThat(text(get(base + "/notes.txt", "Range", "bytes=-3"))).isEqualTo("789");
        HttpResponse<byte[]> beyond = get(base + "/notes.txt", "Range", "bytes=5000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */1000");
    }

    @Test
    void textIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> response = get(start(FileServerOptions.of(root)) + "/notes.txt", "Accept-Encoding", "gzip");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo("0123456789".repeat(100));
        assertThat(get(start(FileServerOptions.of(root).withGzip(false)) + "/notes.txt", "Accept-Encoding", "gzip")
                .headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aPrecompressedFileIsServedWhenPresent() throws Exception {
        HttpResponse<byte[]> response = get(start(FileServerOptions.of(root)) + "/app.js", "Accept-Encoding", "gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo("precompressed");
        assertThat(text(get(start(FileServerOptions.of(root)) + "/app.js"))).startsWith("console.log(1)");
    }

    @Test
    void traversalAndDotfilesAre404() throws Exception {
        String base = start(FileServerOptions.of(root));
        for (String path : new String[] {"/%2e%2e/%2e%2e/etc/passwd", "/docs/..%2f..%2fetc%2fpasswd", "/docs/.secret", "/..%5c..%5cetc"}) {
            assertThat(get(base + path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void basicAuthGuardsEverything() throws Exception {
        String base = start(FileServerOptions.of(root).withCredentials("ann:s3cret"));
        HttpResponse<byte[]> refused = get(base + "/notes.txt");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        String good = "Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("ann:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(get(base + "/notes.txt", "Authorization", good).statusCode()).isEqualTo(200);
        assertThat(get(base + "/notes.txt", "Authorization", bad).statusCode()).isEqualTo(401);
    }

    @Test
    void corsAllowsAnyOriginAndAnswersPreflight() throws Exception {
        String base = start(FileServerOptions.of(root).withCors(true));
        assertThat(get(base + "/notes.txt").headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<byte[]> preflight = client.send(HttpRequest.newBuilder(URI.create(base + "/notes.txt"))
                .method("OPTIONS", BodyPublishers.noBody()).build(), BodyHandlers.ofByteArray());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isPresent();
    }

    @Test
    void uploadsAreRefusedUnlessEnabled() throws Exception {
        String base = start(FileServerOptions.of(root));
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/new.txt"))
                .PUT(BodyPublishers.ofString("x")).build(), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(root.resolve("new.txt")).doesNotExist();
    }

    @Test
    void putCreatesAFileButNeverOverwritesUnlessAllowed() throws Exception {
        String base = start(FileServerOptions.of(root).withUpload(true, false));
        HttpResponse<byte[]> created = client.send(HttpRequest.newBuilder(URI.create(base + "/docs/new.txt"))
                .PUT(BodyPublishers.ofString("fresh")).build(), BodyHandlers.ofByteArray());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(root.resolve("docs/new.txt")).hasContent("fresh");
        HttpResponse<byte[]> again = client.send(HttpRequest.newBuilder(URI.create(base + "/docs/new.txt"))
                .PUT(BodyPublishers.ofString("other")).build(), BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(root.resolve("docs/new.txt")).hasContent("fresh");
        try (var files = Files.list(root.resolve("docs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void multipartPostStoresEachFileInTheFolder() throws Exception {
        String base = start(FileServerOptions.of(root).withUpload(true, false));
        String boundary = "XyZ";
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../up.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\r\n--XY\r\nline2\r\n--XyZ--\r\n";
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/docs/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        assertThat(root.resolve("docs/up.txt")).hasContent("line1\r\n--XY\r\nline2");
        assertThat(root.getParent().resolve("up.txt")).doesNotExist();
    }
}
