package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesException.Code;

/** Uploads to a server started with uploads allowed: verified, never overwriting unasked, nothing left on failure. */
class UploadTest {

    @TempDir
    Path temp;

    Path dir;
    TcpServer server;
    FilesClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createDirectories(temp.resolve("share"));
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("existing.txt"), "original");
        server = FilesServers.start(new Model.Virtual(), dir, true);
        client = FilesClient.connect(FilesServers.endpoint(server), null, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private String[] shared(String sub) {
        return dir.resolve(sub).toFile().list();
    }

    @Test
    void anUploadArrivesWholeUnderItsName() throws IOException {
        Path local = FilesServers.randomFile(temp.resolve("local.bin"), 2_500_000, 21);

        assertThat(client.uploadsAllowed()).isTrue();
        assertThat(client.put(local, "inbox/local.bin", false, TransferListener.NONE)).isEqualTo(2_500_000);
        assertThat(Files.mismatch(dir.resolve("inbox/local.bin"), local)).isEqualTo(-1);
        assertThat(shared("inbox")).containsExactly("local.bin");
    }

    @Test
    void anExistingFileIsNotOverwrittenUnlessTheClientAsks() throws IOException {
        Path local = Files.writeString(temp.resolve("new.txt"), "replacement");

        assertThatThrownBy(() -> client.put(local, "existing.txt", false, TransferListener.NONE))
                .satisfies(e -> assertThat(((FilesException) e).code()).isEqualTo(Code.EXISTS));
        assertThat(Files.readString(dir.resolve("existing.txt"))).isEqualTo("original");

        client.put(local, "existing.txt", true, TransferListener.NONE);
        assertThat(Files.readString(dir.resolve("existing.txt"))).isEqualTo("replacement");
    }

    @Test
    void anUploadCutOffMidBodyLeavesNothingBehind() throws IOException {
        try (FramedPeer peer = new FramedPeer(server)) {
            peer.send("PUT inbox/cut.bin 1000000 new");
            assertThat(peer.line()).isEqualTo("READY");
            peer.sendBytes(new byte[300_000]);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> shared("inbox").length == 0);
        assertThat(dir.resolve("inbox/cut.bin")).doesNotExist();
    }

    @Test
    void anUploadFailingItsChecksumLeavesNothingBehindAndTheConnectionGoesOn() throws IOException {
        try (FramedPeer peer = new FramedPeer(server)) {
            peer.send("PUT inbox/bad.bin 4 new");
            assertThat(peer.line()).isEqualTo("READY");
            peer.sendBytes("data".getBytes());
            peer.send("SHA-256 " + "0".repeat(64));

            assertThat(peer.line()).startsWith("ERR checksum inbox/bad.bin ");
            assertThat(shared("inbox")).isEmpty();
            peer.send("LIST inbox");
            assertThat(peer.line()).isEqualTo("OK 0");
        }
    }

    @Test
    void uploadsCannotEscapeTheSharedDirectory() throws IOException {
        Path local = Files.writeString(temp.resolve("evil.txt"), "evil");

        for (String target : new String[] {"../evil.txt", "/tmp/evil.txt", "inbox/../../evil.txt", ".evil"}) {
            assertThatThrownBy(() -> client.put(local, target, true, TransferListener.NONE))
                    .as(target).satisfies(e -> assertThat(((FilesException) e).code()).isEqualTo(Code.FORBIDDEN));
        }
        assertThat(temp.resolve("evil.txt")).hasContent("evil");
        assertThat(shared(".")).containsExactlyInAnyOrder("inbox", "existing.txt");
    }

    @Test
    void anUploadIntoAMissingDirectoryIsNotFound() throws IOException {
        Path local = Files.writeString(temp.resolve("x.txt"), "x");

        assertThatThrownBy(() -> client.put(local, "nowhere/x.txt", false, TransferListener.NONE))
                .satisfies(e -> assertThat(((FilesException) e).code()).isEqualTo(Code.NOT_FOUND));
    }
}
