package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of a tree far bigger than the server's heap streams whole: the server runs in its own JVM with a
 * 48 MB heap limit and serves 384 MB of (sparse) files, and its peak heap use stays far below the archive's size.
 */
class ArchiveHeapTest {

    private static final long FILE = 128L << 20;
    private static final long HEAP_LIMIT = 48L << 20;

    @TempDir
    Path root;
    private Process server;
    private PrintWriter commands;
    private BufferedReader answers;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void bigTreeAndServer() throws Exception {
        Files.createDirectories(root.resolve("videos"));
        for (String name : new String[] {"videos/a.mp4", "videos/b.mp4", "data.bin"}) {
            try (RandomAccessFile file = new RandomAccessFile(root.resolve(name).toFile(), "rw")) {
                file.setLength(FILE);
                file.seek(FILE - 4);
                file.writeInt(0x7eef7eef);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx" + (HEAP_LIMIT >> 20) + "m", "-cp", System.getProperty("java.class.path"),
                ArchiveServerProcess.class.getName(), root.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = new PrintWriter(server.getOutputStream(), true);
        answers = new BufferedReader(new InputStreamReader(server.getInputStream()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        commands.close();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private InputStream download(String path) throws Exception {
        String port = answers.readLine();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), BodyHandlers.ofInputStream()).body();
    }

    private long peakHeap() throws Exception {
        commands.println("peak");
        return Long.parseLong(answers.readLine());
    }

    @Test
    void aZipOfATreeEightTimesTheHeapStreamsWhole() throws Exception {
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(download("/?download=zip"))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                total += zip.transferTo(OutputStreamSink.INSTANCE);
                entries += entry.isDirectory() ? 0 : 1;
            }
        }
        assertThat(entries).isEqualTo(3);
        assertThat(total).isEqualTo(3 * FILE);
        assertThat(peakHeap()).isLessThan(HEAP_LIMIT).isLessThan(3 * FILE / 8);
    }

    @Test
    void aTarGzOfTheSameTreeStreamsWhole() throws Exception {
        long total = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(download("/?download=tar.gz"), 1 << 16))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                total += tar.transferTo(OutputStreamSink.INSTANCE);
            }
        }
        assertThat(total).isEqualTo(3 * FILE);
        assertThat(peakHeap()).isLessThan(HEAP_LIMIT).isLessThan(3 * FILE / 8);
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
