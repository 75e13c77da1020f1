package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {

    @TempDir
    Path root;

    @TempDir
    Path local;

    private FtpTestServer server;

    @BeforeEach
    void startServer() throws Exception {
        for (int i = 0; i < 6; i++) {
            FtpTestServer.write(root.resolve("tree/f" + i + ".bin"), FtpSessionTest.bytes(20_000 + i, i));
            FtpTestServer.write(root.resolve("tree/a/b/deep" + i + ".txt"), ("deep " + i).getBytes());
        }
        Files.createDirectories(root.resolve("tree/empty"));
        FtpTestServer.write(root.resolve("outside.txt"), "not mirrored".getBytes());
        server = FtpTestServer.start(root);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void copiesTheWholeTreeOverParallelSessions() throws Exception {
        Mirror.Result result = mirror(3);

        assertThat(result.failures()).isEmpty();
        assertThat(result.fetched()).isEqualTo(12);
        for (String file : List.of("f0.bin", "f5.bin", "a/b/deep0.txt", "a/b/deep5.txt")) {
            assertThat(Files.readAllBytes(local.resolve(file))).isEqualTo(Files.readAllBytes(root.resolve("tree/" + file)));
        }
        assertThat(local.resolve("empty")).isEmptyDirectory();
        assertThat(local.resolve("outside.txt")).doesNotExist();
        try (var files = Files.walk(local)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void secondRunSkipsFilesAlreadyUpToDateAndFetchesChangedOnes() throws Exception {
        mirror(2);
        FtpTestServer.write(root.resolve("tree/f1.bin"), "changed".getBytes());

        Mirror.Result again = mirror(2);

        assertThat(again.fetched()).isEqualTo(1);
        assertThat(again.skipped()).isEqualTo(11);
        assertThat(local.resolve("f1.bin")).hasContent("changed");
    }

    private Mirror.Result mirror(int parallel) throws FtpFailure {
        Mirror mirror = new Mirror(server.anonymous("tree"), FtpOptions.defaults(), parallel);
        List<FtpFailure> failures = new ArrayList<>();
        return mirror.fetch(mirror.plan(local, failures), failures, TransferListener.NONE);
    }
}
