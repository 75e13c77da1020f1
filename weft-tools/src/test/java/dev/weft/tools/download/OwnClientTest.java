package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.download.CannedServer.Reply;
import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** weft's own HTTP/1.1 client against a raw server that sends exactly the bytes each case needs. */
class OwnClientTest {

    @TempDir
    Path dir;

    private Report download(CannedServer server, String path, int retries) throws InterruptedException {
        return Downloader.download(DownloadOptions.of(List.of(server.url(path)), dir).withRetries(retries)
                .withBackoff(Duration.ofMillis(5)).withTimeout(Duration.ofMillis(400)), Progress.none());
    }

    private String saved(String name) throws Exception {
        return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    @Test
    void theRequestIsAnHttp11GetWithHostUserAgentAndIdentityEncodingThatKeepsTheConnection() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            download(server, "/a%20b/c.txt?x=1&y=%2F", 0);

            assertThat(server.requests()).containsExactly("GET /a%20b/c.txt?x=1&y=%2F HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.url("/").getPort() + "\r\nUser-Agent: weft\r\nAccept-Encoding: identity\r\n\r\n");
        }
    }

    @Test
    void aBodyWithoutLengthRunsUntilTheServerCloses() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of it"))) {
            Report report = download(server, "/old.txt", 0);

            assertThat(report.failures()).isEmpty();
            assertThat(saved("old.txt")).isEqualTo("all of it");
        }
    }

    @Test
    void informationalAnswersBeforeTheResponseAreSkipped() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal"))) {
            download(server, "/hints.txt", 0);

            assertThat(saved("hints.txt")).isEqualTo("final");
        }
    }

    @Test
    void aBadStatusLineFailsAtOnceNamingIt() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\nok"))) {
            Report report = download(server, "/bad.txt", 3);

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("malformed status line 'HTTP/1.1 2OO OK'");
            assertThat(server.requests()).hasSize(1);
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void aHeadLargerThanTheLimitFailsAtOnce() throws Exception {
        String huge = "HTTP/1.1 200 OK\r\n" + ("X-Padding: " + "p".repeat(1000) + "\r\n").repeat(70) + "\r\n";
        try (CannedServer server = new CannedServer(n -> Reply.close(huge))) {
            Report report = download(server, "/huge.txt", 3);

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("response head larger than 65536 bytes");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aServerThatNeverAnswersIsAbandonedAfterTheTimeout() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.hold(""))) {
            Report report = download(server, "/silent.txt", 1);

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("no response for 400 ms (after 2 attempts)");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aChunkedBodyThatStallsIsAbandonedAndResumed() throws Exception {
        try (CannedServer server = new CannedServer(n -> n == 1
                ? Reply.hold("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n")
                : Reply.close("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 6-10/11\r\nContent-Length: 5\r\n\r\nworld"))) {
            Report report = download(server, "/stall.txt", 1);

            assertThat(report.failures()).isEmpty();
            assertThat(saved("stall.txt")).isEqualTo("hello world");
            assertThat(server.requests().get(1)).contains("\r\nRange: bytes=6-\r\n");
        }
    }

    @Test
    void aChunkedBodyCutShortIsRetried() throws Exception {
        try (CannedServer server = new CannedServer(n -> n == 1
                ? Reply.close("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n")
                : Reply.close("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n"))) {
            Report report = download(server, "/cut.txt", 1);

            assertThat(report.failures()).isEmpty();
            assertThat(saved("cut.txt")).isEqualTo("hello world");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aBodyShorterThanItsLengthFailsSayingHowFarItGot() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfour"))) {
            Report report = download(server, "/short.txt", 1);

            assertThat(report.failures()).extracting(Outcome::reason)
                    .containsExactly("connection closed after 4 of 10 bytes (after 2 attempts)");
            assertThat(files()).allMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void aMalformedChunkFailsAtOnce() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))) {
            Report report = download(server, "/chunks.txt", 3);

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("malformed chunk size 'zz'");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aRelativeRedirectIsResolvedAgainstTheUrlAndFollowed() throws Exception {
        try (CannedServer server = new CannedServer(n -> n == 1
                ? Reply.close("HTTP/1.1 301 Moved Permanently\r\nLocation: ../moved/new.txt\r\nContent-Length: 0\r\n\r\n")
                : Reply.close("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nnew"))) {
            Report report = download(server, "/dir/sub/old.txt", 0);

            assertThat(report.failures()).isEmpty();
            assertThat(server.requests().get(1)).startsWith("GET /dir/moved/new.txt HTTP/1.1\r\n");
            assertThat(saved("old.txt")).isEqualTo("new");
        }
    }

    @Test
    void aRedirectToAnotherSchemeIsAFailure() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("HTTP/1.1 302 Found\r\nLocation: ftp://example.org/f\r\n\r\n"))) {
            Report report = download(server, "/ftp.txt", 3);

            assertThat(report.failures()).extracting(Outcome::reason)
                    .containsExactly("HTTP 302 (a redirect to 'ftp://example.org/f', not an http or https URL)");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aTlsAnswerToPlainHttpSaysToUseHttps() throws Exception {
        try (CannedServer server = new CannedServer(n -> Reply.close("\u0015\u0003\u0003\u0000\u0002\u0002\u0032"))) {
            Report report = download(server, "/tls.txt", 3);

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("the server answered in TLS: use an https:// URL");
            assertThat(server.requests()).hasSize(1);
        }
    }
}
