package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CombinedLogTest {

    private static final ZonedDateTime TIME = ZonedDateTime.of(2000, 10, 10, 13, 55, 36, 0, ZoneOffset.UTC);

    private static AccessLog.Entry entry(String requestLine, String agent) {
        return new AccessLog.Entry(new InetSocketAddress("127.0.0.1", 5000), null, TIME, requestLine, 200, 2326, null, agent);
    }

    @Test
    void writesTheCombinedLogFormat() {
        StringWriter text = new StringWriter();
        new CombinedLog(new PrintWriter(text)).record(entry("GET / HTTP/1.1", "curl/8.5.0"));
        assertThat(text.toString()).isEqualTo("127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 2326 \"-\" "
                + "\"curl/8.5.0\"" + System.lineSeparator());
    }

    @Test
    void quotesAndControlsCannotForgeALine() {
        StringWriter text = new StringWriter();
        new CombinedLog(new PrintWriter(text)).record(entry("GET /\" 200 1 \"x\"\nfake HTTP/1.1", "a\\b"));
        assertThat(text.toString()).contains("\"GET /\\\" 200 1 \\\"x\\\"\\x0afake HTTP/1.1\"").contains("\"a\\\\b\"")
                .hasLineCount(1);
    }

    /** Keeps what is written; its first flush holds until released, as a slow terminal would. */
    private static final class HeldOutput extends Writer {
        final StringWriter text = new StringWriter();
        final AtomicInteger flushes = new AtomicInteger();
        final CountDownLatch firstFlushHeld = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(char[] buffer, int off, int len) {
            text.write(buffer, off, len);
        }

        @Override
        public void flush() {
            if (flushes.incrementAndGet() == 1) {
                firstFlushHeld.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyLineOfManyThreadsArrivesWholeAndLinesShareWrites() throws Exception {
        HeldOutput output = new HeldOutput();
        CombinedLog log = new CombinedLog(new PrintWriter(output));
        Thread first = Thread.ofVirtual().start(() -> log.record(entry("GET /first HTTP/1.1", "t")));
        output.firstFlushHeld.await();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String path = "/" + i;
            threads.add(Thread.ofVirtual().start(() -> log.record(entry("GET " + path + " HTTP/1.1", "t"))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        output.release.countDown();
        first.join();
        String[] lines = output.text.toString().split(System.lineSeparator());
        assertThat(lines).hasSize(101).allMatch(line -> line.matches("127\\.0\\.0\\.1 - - \\[.*\\] \"GET /\\w+ HTTP/1\\.1\" 200 2326 \"-\" \"t\""));
        assertThat(output.flushes.get()).as("the 100 lines recorded during the first write went out together").isEqualTo(2);
    }

    @Test
    void recordingWaitsWhileTooMuchIsPending() throws Exception {
        HeldOutput output = new HeldOutput();
        CombinedLog log = new CombinedLog(new PrintWriter(output));
        Thread.ofVirtual().start(() -> log.record(entry("GET / HTTP/1.1", "t")));
        output.firstFlushHeld.await();
        String agent = "x".repeat(1000);
        AtomicInteger recorded = new AtomicInteger();
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 200; i++) {
                log.record(entry("GET / HTTP/1.1", agent));
                recorded.incrementAndGet();
            }
        });
        org.awaitility.Awaitility.await().until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(recorded.get()).isBetween(CombinedLog.MAX_PENDING / 1100, CombinedLog.MAX_PENDING / 1000 + 1);
        output.release.countDown();
        producer.join();
        assertThat(recorded.get()).isEqualTo(200);
    }
}
