package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/** curl, a real peer, fetching from the folder server over HTTP/1.1 (skipped when curl is missing). */
class CurlTest {

    @TempDir
    Path root;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(onPath("curl"), "curl is not installed");
        Files.writeString(root.resolve("page.html"), "<p>" + "weft ".repeat(400) + "</p>");
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), new FileServer(FileServerOptions.of(root)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean onPath(String program) {
        return System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--http1.1", "--max-time", "10"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + "/page.html";
    }

    @Test
    void curlFetchesAPage() throws Exception {
        assertThat(curl(url())).startsWith("<p>weft weft").endsWith("</p>");
    }

    @Test
    void curlFetchesARange() throws Exception {
        assertThat(curl("-r", "3-6", url())).isEqualTo("weft");
    }

    @Test
    void curlDecompressesAGzippedPage() throws Exception {
        String headers = curl("--compressed", "-D", "-", "-o", "/dev/null", url());
        assertThat(headers).containsIgnoringCase("Content-Encoding: gzip");
        assertThat(curl("--compressed", url())).hasSize(4 + 2000 + 3);
    }

    @Test
    void curlReusesOneConnectionForTwoRequests() throws Exception {
        String out = curl("-v", "-o", "/dev/null", "-o", "/dev/null", url(), url());
        assertThat(out).contains("Re-using existing connection");
    }
}
