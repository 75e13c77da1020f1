package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedDigestTest {

    @TempDir
    Path dir;

    @Test
    void theBytesAlreadyInTheFileAndTheHandedChunksHashAsTheWholeFile() throws Exception {
        byte[] whole = new byte[3 * ReceivedDigest.CHUNK + 12345];
        new Random(27).nextBytes(whole);
        int prefix = 70_000;
        Path path = dir.resolve("part");
        Files.write(path, java.util.Arrays.copyOf(whole, prefix));
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
             ReceivedDigest digest = ReceivedDigest.start(file, prefix, whole.length)) {
            for (int position = prefix; position < whole.length; ) {
                ByteBuffer buffer = digest.buffer();
                int n = Math.min(buffer.capacity(), whole.length - position);
                buffer.put(whole, position, n).flip();
                file.write(buffer.duplicate(), position);
                digest.hash(buffer);
                position += n;
            }
            assertThat(digest.finish()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(whole));
        }
    }

    @Test
    void buffersAreDirectSoTheSocketAndTheFileNeedNoCopyOnTheWay() throws IOException {
        Path path = dir.resolve("direct");
        Files.createFile(path);
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
             ReceivedDigest digest = ReceivedDigest.start(file, 0, 5 * ReceivedDigest.CHUNK)) {
            assertThat(digest.buffer().isDirect()).isTrue();
        }
    }

    @Test
    void aBufferIsNeverLargerThanWhatIsLeftToReceive() throws IOException {
        Path path = dir.resolve("small");
        Files.createFile(path);
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
             ReceivedDigest digest = ReceivedDigest.start(file, 0, 100)) {
            assertThat(digest.buffer().capacity()).isEqualTo(100);
        }
    }
}
