package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;

/**
 * The server process dies mid-transfer (SIGKILL of the worker of a processes-model server, which the
 * supervisor then restarts); running the download again resumes from the partial file and verifies.
 */
class ResumeAfterServerKillTest {

    static final long SIZE = 64L << 20;
    static final long KILL_AFTER = 4L << 20;

    @TempDir
    Path temp;

    @Test
    void aDownloadCutByAServerKillResumesWhereItStoppedWhenRunAgain() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("share"));
        Path source = FilesServers.randomFile(dir.resolve("movie.bin"), SIZE, 41);
        Path target = temp.resolve("movie.bin");
        try (TcpServer server = FilesServers.start(new Model.Processes(1), dir, false)) {
            long worker = server.workerPids().getFirst();
            AtomicBoolean killed = new AtomicBoolean();
            TransferListener killer = (name, done, total) -> {
                if (done >= KILL_AFTER && killed.compareAndSet(false, true)) {
                    ProcessHandle process = ProcessHandle.of(worker).orElseThrow();
                    process.destroyForcibly();
                    process.onExit().join();
                }
            };
            try (FilesClient client = FilesClient.connect(FilesServers.endpoint(server), null, Duration.ofSeconds(10))) {
                assertThatThrownBy(() -> client.get("movie.bin", target, killer))
                        .isInstanceOf(IOException.class).hasMessageContaining("run again to resume");
            }
            long partial = Files.size(Download.partialFile(target));
            assertThat(target).doesNotExist();
            assertThat(partial).isBetween(KILL_AFTER, SIZE - 1);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !server.workerPids().isEmpty() && !server.workerPids().contains(worker));
            try (FilesClient client = FilesClient.connect(FilesServers.endpoint(server), null, Duration.ofSeconds(10))) {
                Download.Result result = client.get("movie.bin", target, TransferListener.NONE);

                assertThat(result.resumedFrom()).isEqualTo(partial);
            }
        }
        assertThat(Files.mismatch(target, source)).isEqualTo(-1);
        assertThat(Download.partialFile(target)).doesNotExist();
    }
}
