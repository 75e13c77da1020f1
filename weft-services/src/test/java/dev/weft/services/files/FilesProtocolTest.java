package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesException.Code;

/** weft's framed protocol and the clients, against a read-only server on the default model. */
class FilesProtocolTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    Path dir;
    Path out;
    TcpServer server;
    FilesClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createDirectories(temp.resolve("share"));
        out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        Files.createDirectories(dir.resolve("sub dir"));
        FilesServers.randomFile(dir.resolve("sub dir/data.bin"), 3_000_000, 11);
        Files.writeString(dir.resolve(".secret"), "hidden");
        Files.writeString(temp.resolve("outside.txt"), "outside");
        Files.createSymbolicLink(dir.resolve("escape"), temp.resolve("outside.txt"));
        server = FilesServers.start(new Model.Virtual(), dir, false);
        client = FilesClient.connect(FilesServers.endpoint(server), null, TIMEOUT);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private static Code code(Throwable e) {
        return ((FilesException) e).code();
    }

    @Test
    void listingGivesNamesSizesAndTimesWithoutHiddenOrEscapingEntries() throws IOException {
        List<FilesClient.Entry> entries = client.list(".");

        assertThat(entries).extracting(FilesClient.Entry::name).containsExactly("hello.txt", "sub dir");
        assertThat(entries.getFirst().size()).isEqualTo(6);
        assertThat(entries.getFirst().modified()).isEqualTo(Files.getLastModifiedTime(dir.resolve("hello.txt")).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(entries.get(1).directory()).isTrue();
        assertThat(client.list("sub dir")).extracting(FilesClient.Entry::size).containsExactly(3_000_000L);
    }

    @Test
    void aDownloadIsVerifiedAndMovedIntoPlaceWithNothingElseLeft() throws IOException {
        Download.Result result = client.get("sub dir/data.bin", out.resolve("data.bin"), TransferListener.NONE);

        assertThat(result.sha256()).isEqualTo(FilesServers.sha256(dir.resolve("sub dir/data.bin")));
        assertThat(result.resumedFrom()).isZero();
        assertThat(Files.mismatch(out.resolve("data.bin"), dir.resolve("sub dir/data.bin"))).isEqualTo(-1);
        assertThat(out.toFile().list()).containsExactly("data.bin");
    }

    @Test
    void oneConnectionServesRequestAfterRequestIncludingAfterARefusal() throws IOException {
        assertThatThrownBy(() -> client.get("missing.txt", out.resolve("missing.txt"), TransferListener.NONE))
                .isInstanceOf(FilesException.class);

        client.get("hello.txt", out.resolve("hello.txt"), TransferListener.NONE);
        assertThat(client.list(".")).hasSize(2);
        assertThat(Files.readString(out.resolve("hello.txt"))).isEqualTo("hello\n");
    }

    @Test
    void aMissingFileIsNotFoundAndLeavesNoFile() {
        assertThatThrownBy(() -> client.get("missing.txt", out.resolve("missing.txt"), TransferListener.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(Code.NOT_FOUND))
                .hasMessage("not found: missing.txt");
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> client.get("sub dir", out.resolve("x"), TransferListener.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(Code.NOT_A_FILE));
    }

    @Test
    void listingAFileIsNotADirectory() {
        assertThatThrownBy(() -> client.list("hello.txt")).satisfies(e -> assertThat(code(e)).isEqualTo(Code.NOT_A_DIRECTORY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.txt", "sub dir/../../outside.txt", "/etc/passwd", "escape", ".secret",
            "hello.txt\0.png", "..\\outside.txt"})
    void everyEscapeIsForbiddenOnTheFramedProtocol(String path) {
        assertThatThrownBy(() -> client.get(path, out.resolve("x"), TransferListener.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(Code.FORBIDDEN));
        assertThat(out.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.txt", "/etc/passwd", "escape", ".secret", "hello.txt\0", "sub dir/../../outside.txt"})
    void everyEscapeGetsNothingOnTheRawProtocol(String path) throws IOException {
        assertThat(FilesUnderEveryModelTest.seedRequest(server, path)).isEmpty();
    }

    @Test
    void anInterruptedDownloadResumesFromThePartialFile() throws IOException {
        Path source = dir.resolve("sub dir/data.bin");
        Path target = out.resolve("data.bin");
        Files.write(Download.partialFile(target), java.util.Arrays.copyOf(Files.readAllBytes(source), 1_000_000));

        Download.Result result = client.get("sub dir/data.bin", target, TransferListener.NONE);

        assertThat(result.resumedFrom()).isEqualTo(1_000_000);
        assertThat(Files.mismatch(target, source)).isEqualTo(-1);
        assertThat(Download.partialFile(target)).doesNotExist();
    }

    @Test
    void aPartialLongerThanTheRemoteFileIsDiscardedAndTheDownloadStartsOver() throws IOException {
        Path target = out.resolve("hello.txt");
        Files.writeString(Download.partialFile(target), "a much longer stale partial download");

        Download.Result result = client.get("hello.txt", target, TransferListener.NONE);

        assertThat(result.resumedFrom()).isZero();
        assertThat(Files.readString(target)).isEqualTo("hello\n");
    }

    @Test
    void aCorruptPartialFailsTheChecksumAndNothingIsLeft() throws IOException {
        Path target = out.resolve("data.bin");
        Files.write(Download.partialFile(target), new byte[500_000]);

        assertThatThrownBy(() -> client.get("sub dir/data.bin", target, TransferListener.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(Code.CHECKSUM));
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void theRawClientSavesAFileFromAWeftServer() throws IOException {
        Download.Result result = RawClient.get(FilesServers.endpoint(server), null, TIMEOUT, "sub dir/data.bin",
                out.resolve("data.bin"), TransferListener.NONE);

        assertThat(result.size()).isEqualTo(3_000_000);
        assertThat(Files.mismatch(out.resolve("data.bin"), dir.resolve("sub dir/data.bin"))).isEqualTo(-1);
    }

    @Test
    void theRawClientReportsAnEmptyReplyAsNotFoundAndLeavesNoFile() {
        assertThatThrownBy(() -> RawClient.get(FilesServers.endpoint(server), null, TIMEOUT, "missing.txt",
                out.resolve("missing.txt"), TransferListener.NONE))
                .hasMessage("not found or empty: missing.txt");
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void aRawRequestEndedByANewlineIsAnsweredWithoutWaitingForAPause() throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("hello.txt\n".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void uploadsAreRefusedUnlessTheServerAllowsThem() throws IOException {
        Path local = Files.writeString(temp.resolve("up.txt"), "upload");

        assertThat(client.uploadsAllowed()).isFalse();
        assertThatThrownBy(() -> client.put(local, "up.txt", false, TransferListener.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(Code.UPLOAD_DISABLED));
        assertThat(dir.resolve("up.txt")).doesNotExist();
    }

    @Test
    void anUnknownRequestIsABadRequestAndEndsTheConnection() throws IOException {
        try (FramedPeer peer = new FramedPeer(server)) {
            peer.send("DELETE hello.txt");

            assertThat(peer.line()).startsWith("ERR bad-request ");
            assertThat(peer.line()).isNull();
        }
        assertThat(dir.resolve("hello.txt")).exists();
    }

    @Test
    void aServerThatIsNotWeftIsNamedInTheError() throws IOException {
        ServerConfig config = ServerConfig.builder("echo").bind("127.0.0.1", 0).build();
        try (TcpServer echo = TcpServer.start(config, dev.weft.services.echo.Echo.tcp())) {
            assertThatThrownBy(() -> FilesClient.connect(new Endpoint("127.0.0.1", echo.port()), null, TIMEOUT))
                    .hasMessageStartingWith("127.0.0.1:" + echo.port() + " does not speak weft's files protocol");
        }
    }
}
