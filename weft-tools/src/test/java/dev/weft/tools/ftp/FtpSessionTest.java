package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.ftp.FtpFailure.Step;

/** ls, get, put and every failure, against a real Apache FtpServer on 127.0.0.1. */
class FtpSessionTest {

    @TempDir
    Path root;

    @TempDir
    Path local;

    private FtpTestServer server;
    private final byte[] data = bytes(300_000, 1);

    @BeforeEach
    void startServer() throws Exception {
        FtpTestServer.write(root.resolve("pub/data.bin"), data);
        FtpTestServer.write(root.resolve("pub/readme.txt"), "hello\n".getBytes());
        Files.createDirectories(root.resolve("pub/sub"));
        server = FtpTestServer.start(root);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listsADirectoryAsAnonymous() throws Exception {
        try (FtpSession session = FtpSession.open(server.anonymous("pub"), FtpOptions.defaults())) {
            List<RemoteEntry> entries = session.list("pub");

            assertThat(entries).extracting(RemoteEntry::name).containsExactlyInAnyOrder("data.bin", "readme.txt", "sub");
            assertThat(entries).filteredOn(RemoteEntry::directory).extracting(RemoteEntry::name).containsExactly("sub");
            assertThat(entries).filteredOn(e -> e.name().equals("data.bin")).extracting(RemoteEntry::size)
                    .containsExactly((long) data.length);
        }
    }

    @Test
    void listsInActiveModeToo() throws Exception {
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults().withPassive(false))) {
            assertThat(session.list("pub")).extracting(RemoteEntry::name).contains("data.bin");
        }
    }

    @Test
    void listingAFileShowsThatFile() throws Exception {
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            assertThat(session.list("pub/readme.txt")).extracting(RemoteEntry::line)
                    .singleElement().asString().startsWith("-").contains(" 6  ").endsWith("readme.txt");
        }
    }

    @Test
    void getDownloadsTheSameBytesAndLeavesNoPartFile() throws Exception {
        Path target = local.resolve("data.bin");
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            FileDownload.Result result = FileDownload.run(session, "pub/data.bin", target, true, TransferListener.NONE);

            assertThat(result.fetched()).isEqualTo(data.length);
            assertThat(result.resumedFrom()).isZero();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(FileDownload.partOf(target)).doesNotExist();
    }

    @Test
    void getThroughASymlinkWritesItsTargetAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(local.resolve("real.bin"), "old");
        Path link = Files.createSymbolicLink(local.resolve("link"), real);
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            FileDownload.run(session, "pub/data.bin", link, true, TransferListener.NONE);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).isEqualTo(data);
        assertThat(local.resolve("real.bin.part")).doesNotExist();
    }

    @Test
    void getIntoAMissingFolderFailsBeforeTheTransferNamingTheFile() throws Exception {
        Path target = local.resolve("nonexistent/dir/data.bin");
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            assertThatThrownBy(() -> FileDownload.run(session, "pub/data.bin", target, true, TransferListener.NONE))
                    .isInstanceOf(FtpFailure.class).hasMessageContaining(target + ": no such directory")
                    .hasMessageNotContaining(".part");
        }
    }

    @Test
    void noResumeStartsOverInsteadOfAppendingToAPartFile() throws Exception {
        Path target = local.resolve("data.bin");
        Files.write(FileDownload.partOf(target), "not a prefix".getBytes());
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            FileDownload.run(session, "pub/data.bin", target, false, TransferListener.NONE);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }

    @Test
    void putUploadsAsTheWriterAndLeavesNoPartFile() throws Exception {
        Path file = local.resolve("up.bin");
        byte[] upload = bytes(100_000, 2);
        Files.write(file, upload);
        try (FtpSession session = FtpSession.open(server.writer(""), FtpOptions.defaults())) {
            assertThat(session.upload(file, "pub/sub/up.bin", TransferListener.NONE)).isEqualTo(upload.length);
        }
        assertThat(Files.readAllBytes(root.resolve("pub/sub/up.bin"))).isEqualTo(upload);
        assertThat(root.resolve("pub/sub/up.bin.part")).doesNotExist();
    }

    @Test
    void putReplacesAnExistingFile() throws Exception {
        Path file = local.resolve("readme.txt");
        Files.writeString(file, "new text\n");
        try (FtpSession session = FtpSession.open(server.writer(""), FtpOptions.defaults())) {
            session.upload(file, "pub/readme.txt", TransferListener.NONE);
        }
        assertThat(root.resolve("pub/readme.txt")).hasContent("new text");
    }

    @Test
    void anonymousUploadIsRefusedAsAFailedTransfer() throws Exception {
        Path file = local.resolve("up.bin");
        Files.write(file, bytes(10, 3));
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            assertThatThrownBy(() -> session.upload(file, "pub/up.bin", TransferListener.NONE))
                    .isInstanceOfSatisfying(FtpFailure.class, e -> assertThat(e.step()).isEqualTo(Step.TRANSFER))
                    .hasMessageStartingWith("transfer failed for pub/up.bin: 550");
        }
        assertThat(root.resolve("pub/up.bin")).doesNotExist();
        assertThat(root.resolve("pub/up.bin.part")).doesNotExist();
    }

    @Test
    void closedPortFailsAsCannotReachHost() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        FtpUrl url = FtpUrl.parse("ftp://127.0.0.1:" + closed + "/");

        assertThatThrownBy(() -> FtpSession.open(url, FtpOptions.defaults()))
                .isInstanceOfSatisfying(FtpFailure.class, e -> assertThat(e.step()).isEqualTo(Step.CONNECT))
                .hasMessageStartingWith("cannot reach 127.0.0.1:" + closed + ": Connection refused");
    }

    @Test
    void wrongPasswordFailsAsLoginRefused() {
        FtpUrl url = FtpUrl.parse("ftp://writer:wrong@127.0.0.1:" + server.port() + "/");

        assertThatThrownBy(() -> FtpSession.open(url, FtpOptions.defaults()))
                .hasMessageStartingWith("login refused for user writer on 127.0.0.1:" + server.port() + ": 530");
    }

    @Test
    void missingDirectoryFailsAsNoSuchDirectory() throws Exception {
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            assertThatThrownBy(() -> session.list("nowhere")).hasMessageStartingWith("no such directory: nowhere");
            assertThatThrownBy(() -> session.cd("nowhere")).hasMessageStartingWith("no such directory: nowhere");
            assertThatThrownBy(() -> FileDownload.run(session, "nowhere/x.bin", local.resolve("x.bin"), true,
                    TransferListener.NONE)).hasMessageStartingWith("no such directory: nowhere");
        }
        assertThat(local).isEmptyDirectory();
    }

    @Test
    void missingFileFailsAsNoSuchFileAndLeavesNothingLocally() throws Exception {
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            assertThatThrownBy(() -> FileDownload.run(session, "pub/missing.bin", local.resolve("missing.bin"), true,
                    TransferListener.NONE))
                    .isInstanceOfSatisfying(FtpFailure.class, e -> assertThat(e.step()).isEqualTo(Step.FILE))
                    .hasMessageStartingWith("no such file: pub/missing.bin");
        }
        assertThat(local).isEmptyDirectory();
    }

    @Test
    void serverStoppedMidTransferKeepsThePartAndTheNextRunResumesWithRest() throws Exception {
        byte[] big = bytes(4 * 1024 * 1024, 4);
        FtpTestServer.write(root.resolve("big.bin"), big);
        Path target = local.resolve("big.bin");
        StopAfter stopper = new StopAfter(server, 512 * 1024);
        try (FtpSession session = FtpSession.open(server.slow(""), FtpOptions.defaults())) {
            assertThatThrownBy(() -> FileDownload.run(session, "big.bin", target, true, stopper))
                    .isInstanceOfSatisfying(FtpFailure.class, e -> assertThat(e.step()).isEqualTo(Step.TRANSFER))
                    .hasMessageStartingWith("transfer failed for big.bin")
                    .hasMessageEndingWith("big.bin.part is kept: run again to resume");
        }
        long kept = Files.size(FileDownload.partOf(target));
        assertThat(kept).isBetween(512L * 1024, big.length - 1L);
        assertThat(target).doesNotExist();

        try (FtpTestServer again = FtpTestServer.start(root);
                FtpSession session = FtpSession.open(again.anonymous(""), FtpOptions.defaults())) {
            FileDownload.Result result = FileDownload.run(session, "big.bin", target, true, TransferListener.NONE);

            assertThat(result.resumedFrom()).isEqualTo(kept);
            assertThat(result.fetched()).isEqualTo(big.length - kept);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(FileDownload.partOf(target)).doesNotExist();
    }

    @Test
    void progressListenerSeesEveryByte() throws Exception {
        List<Long> steps = new ArrayList<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void transferred(long bytes) {
                steps.add(bytes);
            }
        };
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults())) {
            FileDownload.run(session, "pub/data.bin", local.resolve("d"), true, listener);
        }
        assertThat(steps.stream().mapToLong(Long::longValue).sum()).isEqualTo(data.length);
    }

    /** Crashes the server once the client has received a given number of bytes. */
    private static final class StopAfter implements TransferListener {
        private final FtpTestServer server;
        private final long limit;
        private long seen;

        StopAfter(FtpTestServer server, long limit) {
            this.server = server;
            this.limit = limit;
        }

        @Override
        public void transferred(long bytes) {
            seen += bytes;
            if (seen >= limit) {
                server.crash();
            }
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

}
