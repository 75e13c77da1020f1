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
                byte[] buffer = digest.buffer();
                int n = Math.min(buffer.length, whole.length - position);
                System.arraycopy(whole, position, buffer, 0, n);
                file.write(ByteBuffer.wrap(buffer, 0, n), position);
                digest.hash(buffer, n);
                position += n;
            }
            assertThat(digest.finish()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(whole));
        }
    }

    @Test
    void aBufferIsNeverLargerThanWhatIsLeftToReceive() throws IOException {
        Path path = dir.resolve("small");
        Files.createFile(path);
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
             ReceivedDigest digest = ReceivedDigest.start(file, 0, 100)) {
            assertThat(digest.buffer()).hasSize(100);
        }
    }
}
