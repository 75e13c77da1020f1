package dev.weft.http.h1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.weft.http.HttpProtocolException;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.PathResolver;

/**
 * Fuzzes the request parser (through a whole connection, so body framing too) and the static-file path
 * resolution. Invariants: only typed protocol errors escape the parser, a connection always ends with its
 * sink closed, no resolved path leaves the root. Replays the corpus in src/test/resources as a regression
 * test; {@code JAZZER_FUZZ=1 mvn -pl weft-http test -Dtest=HttpFuzzTest} fuzzes (10 minutes per target).
 */
class HttpFuzzTest {

    private static final Path ROOT = root();

    private static Path root() {
        try {
            Path root = Files.createTempDirectory("weft-fuzz-root");
            Files.writeString(root.resolve("a.txt"), "a");
            Files.createDirectories(root.resolve("sub"));
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void parserRefusesOnlyWithTypedErrors(FuzzedDataProvider data) {
        int split = data.consumeInt(1, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        RequestParser parser = new RequestParser();
        try {
            for (int end = Math.min(split, bytes.length); ; end = Math.min(bytes.length, end + split)) {
                RequestHead head = parser.parse(bytes, 0, end);
                if (head != null) {
                    assertThat(head.size()).isBetween(1, end);
                    assertThat(head.target()).isNotEmpty();
                    break;
                }
                if (end == bytes.length) {
                    break;
                }
            }
        } catch (HttpProtocolException e) {
            assertThat(e.status()).isIn(400, 413, 414, 417, 431, 501, 505);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void aConnectionOverArbitraryBytesEndsCleanly(byte[] input) {
        Memory memory = new Memory(input);
        new Http1Connection(memory, memory, request -> {
            request.body().transferTo(java.io.OutputStream.nullOutputStream());
            return HttpResponse.text(200, request.path());
        }, HttpSettings.DEFAULT.withMaxBodySize(1 << 16), 50, null).run();
        assertThat(memory.closed).isTrue();
        assertThat(memory.out.size()).isLessThan(input.length * 200 + 4096);
    }

    @FuzzTest(maxDuration = "10m")
    void noResolvedPathLeavesTheRoot(FuzzedDataProvider data) throws IOException {
        boolean hidden = data.consumeBoolean();
        String raw = "/" + data.consumeRemainingAsString();
        Path resolved;
        try {
            resolved = new PathResolver(ROOT, hidden, false).resolve(raw);
        } catch (HttpProtocolException e) {
            assertThat(e.status()).isEqualTo(400);
            return;
        }
        if (resolved != null) {
            assertThat(resolved.normalize()).startsWith(ROOT.toAbsolutePath().normalize());
            if (Files.exists(resolved)) {
                assertThat(resolved.toRealPath()).startsWith(ROOT.toRealPath());
            }
        }
    }

    /** A connection whose input is a fixed byte array and whose output is kept in memory. */
    private static final class Memory implements Source, Sink {
        private final byte[] input;
        private int position;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed;

        Memory(byte[] input) {
            this.input = input;
        }

        @Override
        public int read(byte[] b, int off, int len, long timeoutMillis, boolean betweenRequests) {
            if (position == input.length) {
                return -1;
            }
            int n = Math.min(len, Math.min(input.length - position, 7));
            System.arraycopy(input, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public boolean draining() {
            return false;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
        }

        @Override
        public void sendFile(FileChannel file, long position, long count) throws IOException {
            file.close();
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }
}
