package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesException.Code;

/** What the files server refuses, found by an attack run (issue 19: items 4, 6, 9 and 10), under every model. */
class FilesHardeningTest {

    @TempDir
    Path dir;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aReplacingPutOntoASymlinkIsRefusedAndTheLinkAndItsTargetStay(Model model) throws IOException {
        Files.writeString(dir.resolve("real.txt"), "original");
        Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        try (TcpServer server = FilesServers.start(model, dir, true); FramedPeer peer = new FramedPeer(server)) {
            peer.send("PUT link.txt 5 replace");

            assertThat(peer.line()).startsWith("ERR forbidden link.txt ").contains("symbolic link");
            assertThat(Files.isSymbolicLink(dir.resolve("link.txt"))).isTrue();
            assertThat(Files.readString(dir.resolve("real.txt"))).isEqualTo("original");
            peer.send("LIST .");
            assertThat(peer.line()).isEqualTo("OK 2");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPutOf2To62BytesIsRefusedBeforeReadyAndTheConnectionGoesOn(Model model) throws IOException {
        try (TcpServer server = FilesServers.start(model, dir, true); FramedPeer peer = new FramedPeer(server)) {
            peer.send("PUT huge.bin " + (1L << 62) + " new");

            assertThat(peer.line()).startsWith("ERR too-large huge.bin ").contains("upload limit");
            peer.send("LIST .");
            assertThat(peer.line()).isEqualTo("OK 0");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPutWithANameTooLongForTheFileSystemIsRefusedBeforeReadyLeavingNothing(Model model) throws IOException {
        try (TcpServer server = FilesServers.start(model, dir, true); FramedPeer peer = new FramedPeer(server)) {
            peer.send("PUT " + "n".repeat(300) + " 5 new");

            assertThat(peer.line()).startsWith("ERR forbidden ").contains("longer than 255 bytes");
            peer.send("LIST .");
            assertThat(peer.line()).isEqualTo("OK 0");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aNameOfExactly255BytesIsStored(Model model) throws IOException {
        Path local = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-local.txt"), "hello");
        String name = "é".repeat(127) + "x";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        try (TcpServer server = FilesServers.start(model, dir, true);
             FilesClient client = FilesClient.connect(FilesServers.endpoint(server), null, java.time.Duration.ofSeconds(10))) {
            client.put(local, name, false, TransferListener.NONE);
        } finally {
            Files.delete(local);
        }
        assertThat(dir.toFile().list()).containsExactly(name);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aRequestLineOverTheLimitGetsBadRequestThenTheConnectionCloses(Model model) throws IOException {
        try (TcpServer server = FilesServers.start(model, dir, true); FramedPeer peer = new FramedPeer(server)) {
            peer.send("LIST " + "a".repeat(Wire.MAX_LINE + 100));

            assertThat(peer.line()).startsWith("ERR bad-request ").endsWith("line longer than 8192 bytes");
            assertThat(peer.line()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anOverlongHelloGetsBadRequest(Model model) throws IOException {
        try (TcpServer server = FilesServers.start(model, dir, true);
             java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("\0WEFT-FILES/1" + "x".repeat(Wire.MAX_LINE) + "\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(Wire.readLine(socket.getInputStream())).startsWith("ERR bad-request ");
        }
    }

    @Test
    void anUploadLargerThanTheFreeDiskSpaceIsRefused() throws IOException {
        SharedDirectory share = SharedDirectory.open(dir, true, Long.MAX_VALUE);
        long free = Files.getFileStore(dir).getUsableSpace();

        assertThatThrownBy(() -> share.admit("big.bin", free + (1L << 30), dir.resolve("big.bin")))
                .isInstanceOfSatisfying(FilesException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TOO_LARGE);
                    assertThat(e.detail()).contains("free on the server's disk");
                });
    }
}
