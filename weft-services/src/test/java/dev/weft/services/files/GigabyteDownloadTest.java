package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;

/**
 * A 1 GiB file through server and client in this JVM, whose heap is capped at 1 GiB by surefire's argLine:
 * holding the file in memory anywhere would fail with OutOfMemoryError, and the allocation budget checks
 * that streaming really streams. One model only: each SHA-256 pass over 1 GiB takes about 6 s here.
 */
class GigabyteDownloadTest {

    static final long GIB = 1L << 30;

    @TempDir
    Path temp;

    @Test
    void aOneGigabyteFileDownloadsVerifiedWithTheHeapFarBelowItsSize() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("share"));
        Path file = FilesServers.sparseFile(dir.resolve("gigabyte.bin"), GIB, 7);
        Path target = temp.resolve("gigabyte.bin");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(Runtime.getRuntime().maxMemory()).as("max heap").isLessThanOrEqualTo(GIB);
        try (TcpServer server = FilesServers.start(new Model.Virtual(), dir, false);
             FilesClient client = FilesClient.connect(FilesServers.endpoint(server), null, Duration.ofSeconds(30))) {
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            long started = System.nanoTime();
            Download.Result result = client.get("gigabyte.bin", target, TransferListener.NONE);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
            org.slf4j.LoggerFactory.getLogger(GigabyteDownloadTest.class)
                    .info("1 GiB verified download: {} ms, {} KiB allocated", millis, allocated >> 10);

            assertThat(result.size()).isEqualTo(GIB);
            assertThat(allocated).as("heap bytes allocated during the download").isLessThan(64L << 20);
        }
        assertThat(Files.mismatch(target, file)).isEqualTo(-1);
    }
}
