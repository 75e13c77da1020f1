package dev.weft.services.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import javax.net.ssl.SSLContext;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.WorkerCommand;

/** Starts files servers for tests on 127.0.0.1 port 0 under any model, and makes test files. */
final class FilesServers {

    /** Worker processes get a heap far smaller than the files they serve. */
    static final String WORKER_HEAP = "-Xmx64m";

    private FilesServers() {
    }

    static TcpServer start(Model model, Path dir, boolean uploads) throws IOException {
        return start(model, dir, uploads, null);
    }

    static TcpServer start(Model model, Path dir, boolean uploads, SSLContext tls) throws IOException {
        ServerConfig config = ServerConfig.builder("files").bind("127.0.0.1", 0).model(model).tls(tls)
                .limits(Limits.DEFAULT.withShutdownGrace(Duration.ofMillis(200)))
                .workerCommand(worker(dir, uploads)).build();
        return TcpServer.start(config, FilesService.create(SharedDirectory.open(dir, uploads)));
    }

    private static WorkerCommand worker(Path dir, boolean uploads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return port -> List.of(java, WORKER_HEAP, "-cp", System.getProperty("java.class.path"),
                FilesTestWorker.class.getName(), dir.toString(), Boolean.toString(uploads), Integer.toString(port));
    }

    static Endpoint endpoint(TcpServer server) {
        return new Endpoint("127.0.0.1", server.port());
    }

    /** Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}, 1 MiB at a time. */
    static Path randomFile(Path file, long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A sparse file of {@code size} bytes: zeros, with 64 KiB of random bytes every 64 MiB and at the very
     * end, so a download that loses or shifts a chunk fails its checksum.
     */
    static Path sparseFile(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] island = new byte[64 * 1024];
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            for (long at = 0; at + island.length <= size; at += 64L << 20) {
                random.nextBytes(island);
                channel.write(java.nio.ByteBuffer.wrap(island), at);
            }
            random.nextBytes(island);
            channel.write(java.nio.ByteBuffer.wrap(island), size - island.length);
        }
        return file;
    }

    /** The hex SHA-256 of a whole file, read in chunks. */
    static String sha256(Path file) throws IOException {
        java.security.MessageDigest digest = Digests.sha256();
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            Digests.update(digest, channel, channel.size());
        }
        return Wire.hex(digest.digest());
    }
}
