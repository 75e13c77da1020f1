package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;

/** {@code weft files get|list|put} against a real server: output, one-line errors, exit codes, no stray files. */
class FilesCommandTest {

    @TempDir
    Path temp;

    Path share;
    Path out;
    TcpServer server;
    final StringWriter stdout = new StringWriter();
    final StringWriter stderr = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        share = Files.createDirectories(temp.resolve("share"));
        out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(share.resolve("a.txt"), "alpha");
        Files.writeString(share.resolve("b.txt"), "beta");
        server = TcpServer.start(ServerConfig.builder("files").bind("127.0.0.1", 0).build(),
                FilesService.create(SharedDirectory.open(share, false)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int weft(String... args) {
        return Main.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    private String address() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void getSavesTheFileAndSaysSo() throws IOException {
        int code = weft("files", "get", address(), "a.txt", "-o", out.resolve("copy.txt").toString());

        assertThat(code).isZero();
        assertThat(out.resolve("copy.txt")).hasContent("alpha");
        assertThat(stdout.toString()).startsWith("Saved " + out.resolve("copy.txt")).contains("SHA-256", "verified");
    }

    @Test
    void getOfSeveralFilesFillsTheOutputDirectory() {
        int code = weft("files", "get", address(), "a.txt", "b.txt", "-o", out.resolve("both").toString());

        assertThat(code).isZero();
        assertThat(out.resolve("both/a.txt")).hasContent("alpha");
        assertThat(out.resolve("both/b.txt")).hasContent("beta");
    }

    @Test
    void aMissingFileIsOneLineExitOneAndNoFile() {
        int code = weft("files", "get", address(), "nope.txt", "-o", out.resolve("nope.txt").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("weft: not found: nope.txt" + System.lineSeparator());
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void rawGetOfAMissingFileSaysNotFoundOrEmpty() {
        int code = weft("files", "get", "--raw", address(), "nope.txt", "-o", out.resolve("nope.txt").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("weft: not found or empty: nope.txt" + System.lineSeparator());
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsOneLine() throws IOException {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int code = weft("files", "get", "127.0.0.1:" + port, "a.txt", "-o", out.resolve("a.txt").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).startsWith("weft: cannot connect to 127.0.0.1 port " + port).hasLineCount(1);
    }

    @Test
    void listPrintsOneLinePerEntry() {
        int code = weft("files", "list", address());

        assertThat(code).isZero();
        assertThat(stdout.toString().lines().toList()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("-").contains(" 5 ").endsWith("a.txt"));
    }

    @Test
    void putToAReadOnlyServerIsRefusedInOneLine() throws IOException {
        Path local = Files.writeString(temp.resolve("up.txt"), "up");

        int code = weft("files", "put", address(), local.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("weft: uploads are not allowed on this server: up.txt" + System.lineSeparator());
    }

    @Test
    void aBadAddressIsAUsageError() {
        int code = weft("files", "list", "host:notaport");

        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString()).contains("bad port 'notaport'");
    }

    @Test
    void serverRefusesADirectoryThatDoesNotExist() {
        int code = weft("files", "server", temp.resolve("missing").toString(), "--port", "0");

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).startsWith("weft: cannot share ");
    }

    @Test
    void getThroughASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(out.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(out.resolve("link"), real);
        assertThat(weft("files", "get", address(), "b.txt", "-o", link.toString())).as(stderr.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("beta");
        assertThat(weft("files", "get", "--raw", address(), "a.txt", "-o", link.toString())).as(stderr.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("alpha");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactlyInAnyOrder(real, link);
        }
    }

    @Test
    void getIntoAFifoWritesIntoItAndLeavesTheFifo() throws Exception {
        Path fifo = out.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(weft("files", "get", address(), "a.txt", "-o", fifo.toString())).as(stderr.toString()).isZero();
        assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("alpha");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void getIntoAMissingFolderIsOneLineWithoutATempName() {
        Path named = out.resolve("nonexistent/dir/x.txt");
        int code = weft("files", "get", address(), "a.txt", "-o", named.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("weft: cannot write " + named + ": no such directory" + System.lineSeparator());
    }
}
