package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

/**
 * On the event loop, a handler that reads its upload slower than it arrives pauses that connection's
 * reading; the loop thread keeps serving the other connections meanwhile (it used to wait for the handler).
 */
class SlowUploadTest {

    @Test
    void aLaggingUploadDoesNotHoldTheLoopsOtherConnections() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpHandler handler = request -> {
            if (request.path().equals("/fast")) {
                return HttpResponse.text(200, "fast");
            }
            InputStream body = request.body();
            long total = body.readNBytes(64 * 1024).length;
            reading.countDown();
            release.await(30, TimeUnit.SECONDS);
            total += body.transferTo(OutputStream.nullOutputStream());
            return HttpResponse.text(200, Long.toString(total));
        };
        ServerConfig config = ServerConfig.builder("HTTP").model(new Model.EventLoop(1)).build();
        int size = 8 << 20;
        try (HttpServer server = HttpServer.start(config, handler);
             Socket upload = new Socket("127.0.0.1", server.port())) {
            upload.setSoTimeout(30_000);
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = upload.getOutputStream();
                    out.write(("POST /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[size]);
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            try (Socket fast = new Socket("127.0.0.1", server.port())) {
                fast.setSoTimeout(5_000);
                fast.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String reply = new String(fast.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(reply).startsWith("HTTP/1.1 200").endsWith("fast");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

            release.countDown();
            sender.join(Duration.ofSeconds(30));
            String reply = new String(upload.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n" + size);
        }
    }
}
