package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/** The heavy cases, run once: many concurrent keep-alive clients, and a file far larger than the heap budget. */
class HttpLoadTest {

    @Test
    void aThousandKeepAliveClientsEachGetTwentyCorrectAnswers() throws Exception {
        try (HttpServer server = HttpServer.start(ServerConfig.builder("HTTP").build(),
                request -> HttpResponse.text(200, "you asked for " + request.target()));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 1000; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    int correct = 0;
                    try (RawClient raw = new RawClient(server.port())) {
                        for (int i = 0; i < 20; i++) {
                            String target = "/c" + client + "/r" + i;
                            RawClient.Response response = raw.send(RawClient.get(target)).read();
                            if (response.status() == 200 && response.body().equals("you asked for " + target)) {
                                correct++;
                            }
                        }
                    }
                    return correct;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertThat(total).isEqualTo(20_000);
        }
    }

    @Test
    void aOneGibFileIsStreamedWithoutLoadingItIntoTheHeap(@TempDir Path root) throws Exception {
        long size = 1L << 30;
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            sparse.setLength(size);
            sparse.seek(size - 4);
            sparse.write("TAIL".getBytes(StandardCharsets.US_ASCII));
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong();
        for (Model model : List.of(new Model.Virtual(), new Model.EventLoop(1))) {
            try (HttpServer server = HttpServer.start(ServerConfig.builder("HTTP").model(model).build(),
                    new FileServer(FileServerOptions.of(root)));
                 Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String head = readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: " + size);
                byte[] buffer = new byte[1 << 16];
                long received = 0;
                byte[] last = new byte[4];
                while (received < size) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - received));
                    assertThat(n).isPositive();
                    received += n;
                    for (int i = Math.max(0, n - 4); i < n; i++) {
                        System.arraycopy(last, 1, last, 0, 3);
                        last[3] = buffer[i];
                    }
                    if ((received & ((64 << 20) - 1)) < n) {
                        peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory() - baseline, Math::max);
                    }
                }
                assertThat(new String(last, StandardCharsets.US_ASCII)).isEqualTo("TAIL");
            }
        }
        assertThat(peak.get()).as("heap growth while serving 1 GiB").isLessThan(256L << 20);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed in the head");
            }
            head.append((char) c);
        }
        return head.toString();
    }
}
