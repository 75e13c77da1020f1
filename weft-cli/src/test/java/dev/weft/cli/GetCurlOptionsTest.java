package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;

/** weft get and post with curl's options: where -o writes, -O/-J names, -u, -X, -d, -i, -v, -C -, redirects. */
class GetCurlOptionsTest {

    @TempDir
    Path work;
    private HttpServer server;
    private String base;

    /** What one run printed: standard output as bytes. */
    record Run(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run weft(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteWriter(out), new PrintWriter(err, true), args);
        return new Run(code, out.toByteArray(), err.toString());
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), request -> switch (request.path()) {
            case "/hello.txt" -> HttpResponse.text(200, "hello there");
            case "/named" -> HttpResponse.text(200, "by header").header("Content-Disposition", "attachment; filename=\"../../evil/report.csv\"");
            case "/echo" -> HttpResponse.text(200, request.method() + " " + request.header("Content-Type") + " [" + request.bodyText() + "]");
            case "/auth" -> HttpResponse.text(200, String.valueOf(request.header("Authorization")));
            case "/moved" -> HttpResponse.redirect(302, "/hello.txt");
            case "/loop" -> HttpResponse.redirect(302, "/loop");
            case "/range" -> HttpResponse.text(200, String.valueOf(request.header("Range")));
            default -> HttpResponse.text(404, "no");
        });
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void outputThroughASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path target = Files.writeString(work.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(work.resolve("link"), target);
        assertThat(weft("get", base + "/hello.txt", "-o", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("hello there");
    }

    @Test
    void outputIntoAFifoWritesIntoItAndLeavesTheFifo() throws Exception {
        Path fifo = work.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(weft("get", base + "/hello.txt", "-o", fifo.toString()).code()).isZero();
        assertThat(read.get(10, TimeUnit.SECONDS)).asString().isEqualTo("hello there");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void outputDashIsStandardOutput() {
        Run run = weft("get", base + "/hello.txt", "-o", "-");
        assertThat(run.text()).isEqualTo("hello there");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void savedFilesGetTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path plain = work.resolve("plain");
        Files.newOutputStream(plain).close();
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(plain);
        Path saved = work.resolve("saved.txt");
        weft("get", base + "/hello.txt", "-o", saved.toString());
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(umask);
    }

    @Test
    void outputIntoAMissingFolderIsOneLineWithoutATempName() {
        Path named = work.resolve("nonexistent/dir/x.json");
        Run run = weft("get", base + "/hello.txt", "-o", named.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: cannot write " + named + ": no such directory" + System.lineSeparator());
    }

    @Test
    void remoteNameSavesUnderTheUrlsFileNameInTheCurrentFolder() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path saved = cwd.resolve("hello.txt");
        try {
            assertThat(weft("get", base + "/hello.txt", "-O").code()).isZero();
            assertThat(saved).hasContent("hello there");
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    void remoteHeaderNameTakesContentDispositionWithoutItsFolders() throws IOException {
        Path saved = Path.of("").toAbsolutePath().resolve("report.csv");
        try {
            Run run = weft("get", base + "/named", "-O", "-J");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(saved).hasContent("by header");
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    void remoteNameOfAUrlEndingInASlashIsAOneLineFailure() {
        Run run = weft("get", base + "/", "-O");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("has no file name").hasLineCount(1);
    }

    @Test
    void userOptionSendsBasicAuthentication() {
        Run run = weft("get", base + "/auth", "-u", "ann:s3cret");
        assertThat(run.text()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void credentialsInTheUrlAreSentAndNeverPrinted() {
        Run ok = weft("get", "http://ann:s3cret@127.0.0.1:" + server.port() + "/auth");
        assertThat(ok.text()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
        Run failed = weft("get", "http://ann:s3cret@127.0.0.1:" + server.port() + "/missing", "-v");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).doesNotContain("s3cret").contains("answered 404");
    }

    @Test
    void requestOptionChangesTheMethod() {
        assertThat(weft("get", base + "/echo", "-X", "DELETE").text()).startsWith("DELETE ");
        assertThat(weft("post", base + "/echo", "-X", "PUT", "-d", "a=1").text()).isEqualTo("PUT application/x-www-form-urlencoded [a=1]");
        assertThat(weft("post", base + "/echo", "-X", "PATCH", "-d", "x").text()).startsWith("PATCH ");
    }

    @Test
    void dataMakesAGetAPostAndJoinsRepeatsWithAmpersands() {
        assertThat(weft("get", base + "/echo", "-d", "a=1", "-d", "b=2").text())
                .isEqualTo("POST application/x-www-form-urlencoded [a=1&b=2]");
    }

    @Test
    void dataFromAFileDropsNewlinesButDataBinaryKeepsThem() throws IOException {
        Path file = Files.writeString(work.resolve("body.txt"), "line one\nline two\n");
        assertThat(weft("post", base + "/echo", "-d", "@" + file).text()).endsWith("[line oneline two]");
        assertThat(weft("post", base + "/echo", "--data-binary", "@" + file).text()).endsWith("[line one\nline two\n]");
    }

    @Test
    void dataFromAMissingFileIsOneLine() {
        Path missing = work.resolve("nofile.txt");
        Run run = weft("post", base + "/echo", "-d", "@" + missing);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: cannot read " + missing + ": no such file or directory" + System.lineSeparator());
    }

    @Test
    void includePrintsTheHeadBeforeTheBody() {
        String out = weft("get", base + "/hello.txt", "-i").text();
        assertThat(out).startsWith("HTTP/1.1 200\r\n").contains("\r\n\r\nhello there").containsIgnoringCase("content-length: 11");
    }

    @Test
    void verboseShowsBothHeadsOnStandardErrorAndHidesThePassword() {
        Run run = weft("get", base + "/hello.txt", "-v", "-u", "ann:s3cret");
        assertThat(run.text()).isEqualTo("hello there");
        assertThat(run.err()).contains("> GET /hello.txt HTTP/1.1", "> Authorization: Basic <hidden>", "< HTTP/1.1 200")
                .doesNotContain("s3cret").doesNotContain(Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void redirectsAreFollowedByDefault() {
        assertThat(weft("get", base + "/moved").text()).isEqualTo("hello there");
    }

    @Test
    void maxRedirsZeroShowsTheRedirectItself() {
        Run run = weft("get", base + "/moved", "--max-redirs", "0", "-i");
        assertThat(run.code()).isZero();
        assertThat(run.text()).startsWith("HTTP/1.1 302").containsIgnoringCase("location: /hello.txt");
    }

    @Test
    void credentialsAndCookiesAreNotCarriedToAnotherOrigin() throws IOException {
        try (HttpServer other = HttpServer.start(ServerConfig.builder("HTTP").build(), request -> HttpResponse.text(200,
                "cookie=" + request.header("Cookie") + " auth=" + request.header("Authorization")))) {
            try (HttpServer bouncer = HttpServer.start(ServerConfig.builder("HTTP").build(),
                    request -> HttpResponse.redirect(302, "http://127.0.0.1:" + other.port() + "/"))) {
                Run run = weft("get", "http://127.0.0.1:" + bouncer.port() + "/", "-H", "Cookie: s=secret", "-u", "ann:s3cret");
                assertThat(run.text()).isEqualTo("cookie=null auth=null");
            }
        }
    }

    @Test
    void aRedirectLoopStopsAtMaxRedirs() {
        Run run = weft("get", base + "/loop", "--max-redirs", "3");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("stopped after 3 redirects").hasLineCount(1);
    }

    @Test
    void continueAtAsksForTheRestOfAPartialFile() throws IOException {
        Path partial = Files.writeString(work.resolve("partial"), "12345");
        Run run = weft("get", base + "/range", "-C", "-", "-o", partial.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // the test server ignores Range and answers 200 with the header it saw: the whole file is replaced
        assertThat(partial).hasContent("bytes=5-");
    }

    @Test
    void aMissingPageFailsWithTheStatusAndPrintsNothing() {
        Run run = weft("get", base + "/nope", "-f");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("weft: " + base + "/nope answered 404" + System.lineSeparator());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(weft("get", base + "/", "-C", "100", "-o", "x").code()).isEqualTo(2);
        assertThat(weft("get", base + "/", "-J").code()).isEqualTo(2);
        assertThat(weft("get", base + "/", "--pin", "sha256:zz").code()).isEqualTo(2);
        assertThat(weft("get", base + "/", "-H", "novalue").code()).isEqualTo(2);
        assertThat(weft("post", base + "/", "--form", "novalue").code()).isEqualTo(2);
        assertThat(weft("get", base + "/", "--max-time", "soon").code()).isEqualTo(2);
    }
}
