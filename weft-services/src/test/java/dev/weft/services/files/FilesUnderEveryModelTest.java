package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;

/**
 * The files service under each concurrency model: the seeds' raw protocol byte for byte (with a Java
 * client written like the seeds' and with the seeds' own Python client), a file four times larger than
 * the heap budget, and 200 clients at once.
 */
class FilesUnderEveryModelTest {

    /**
     * Twice the heap of a worker process ({@link FilesServers#WORKER_HEAP}) and 8 times the allocation budget
     * below, yet small enough to hash on both ends under five models in seconds (SHA-256 runs at about
     * 160 MB/s here). The 1 GiB case is {@link GigabyteDownloadTest}.
     */
    static final long LARGE = 128L << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    static List<Model> models() {
        return Model.all();
    }

    private Path share() throws IOException {
        return Files.createDirectories(temp.resolve("share"));
    }

    /** Speaks like the seeds' client: send the name without a newline, then recv until the server closes. */
    static byte[] seedRequest(TcpServer server, String name) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(name.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void rawRequestsGetTheFileBytesForBytesAndNothingForAMissingFile(Model model) throws IOException {
        Path dir = share();
        Path file = FilesServers.randomFile(dir.resolve("data.bin"), 300_000, 1);
        try (TcpServer server = FilesServers.start(model, dir, false)) {
            assertThat(seedRequest(server, "data.bin")).isEqualTo(Files.readAllBytes(file));
            assertThat(seedRequest(server, "missing.bin")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSeedsPythonClientDownloadsUnchanged(Model model) throws Exception {
        assumeTrue(python3(), "python3 is not installed");
        Path dir = share();
        Path file = FilesServers.randomFile(dir.resolve("seed.bin"), 200_000, 2);
        Path cwd = Files.createDirectories(temp.resolve("client"));
        Path script = Path.of(getClass().getResource("/files/seed_download_client.py").toURI());
        try (TcpServer server = FilesServers.start(model, dir, false)) {
            Process python = new ProcessBuilder("python3", script.toString(), "127.0.0.1", Integer.toString(server.port()))
                    .directory(cwd.toFile()).redirectErrorStream(true).start();
            python.getOutputStream().write("seed.bin\n".getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }
        assertThat(Files.mismatch(cwd.resolve("seed.bin"), file)).isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aLargeFileIsVerifiedWithoutEverBeingHeldInMemory(Model model) throws IOException {
        Path dir = share();
        Path file = FilesServers.sparseFile(dir.resolve("large.bin"), LARGE, 3);
        Path target = temp.resolve("large.bin");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (TcpServer server = FilesServers.start(model, dir, false);
             FilesClient client = FilesClient.connect(FilesServers.endpoint(server), null, TIMEOUT)) {
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            Download.Result result = client.get("large.bin", target, TransferListener.NONE);
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;

            assertThat(result.size()).isEqualTo(LARGE);
            assertThat(allocated).as("heap bytes allocated by all threads (client and in-process server) during the download")
                    .isLessThan(LARGE / 8);
        }
        assertThat(Files.mismatch(target, file)).isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("models")
    void twoHundredClientsAtOnceAllGetVerifiedFiles(Model model) throws Exception {
        Path dir = share();
        List<String> names = IntStream.range(0, 200).mapToObj(i -> "small-" + i + ".bin").toList();
        for (int i = 0; i < names.size(); i++) {
            FilesServers.randomFile(dir.resolve(names.get(i)), 1_000 + i * 97L, 100 + i);
        }
        Path out = Files.createDirectories(temp.resolve("out"));
        try (TcpServer server = FilesServers.start(model, dir, false)) {
            Downloads.Source source = new Downloads.Source(FilesServers.endpoint(server), null, TIMEOUT, false);
            Map<String, Path> targets = Downloads.targets(names, out);

            List<Downloads.Outcome> outcomes = Downloads.fetch(source, targets, names.size(), TransferListener.NONE);

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).as(o.remote()).isNull());
        }
        for (String name : names) {
            assertThat(Files.mismatch(out.resolve(name), dir.resolve(name))).as(name).isEqualTo(-1);
        }
    }

    static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
