package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The raw request parser, from bytes: how a name ends and how long it may be. */
class SeedProtocolTest {

    private static byte[] read(String rest, char first) throws IOException {
        return SeedProtocol.readRequest(new ByteArrayInputStream(rest.getBytes(StandardCharsets.UTF_8)), (byte) first);
    }

    @Test
    void aNameWithoutNewlineEndsWithTheStream() throws IOException {
        assertThat(SeedProtocol.name(read("est.txt", 't'))).isEqualTo("test.txt");
    }

    @Test
    void aNewlineEndsTheNameAndLaterBytesAreIgnored() throws IOException {
        assertThat(SeedProtocol.name(read(".txt\nextra", 'a'))).isEqualTo("a.txt");
    }

    @Test
    void aCarriageReturnBeforeTheNewlineIsDropped() throws IOException {
        assertThat(SeedProtocol.name(read(".txt\r\n", 'a'))).isEqualTo("a.txt");
    }

    @Test
    void aRequestStopsAt1024BytesLikeRecv1024() throws IOException {
        byte[] request = read("b".repeat(2000), 'a');

        assertThat(request).hasSize(SeedProtocol.MAX_NAME);
        assertThat(SeedProtocol.name(request)).startsWith("ab").hasSize(1024);
    }

    @Test
    void utf8NamesAreDecoded() throws IOException {
        byte[] bytes = "文件.txt".getBytes(StandardCharsets.UTF_8);
        byte[] request = SeedProtocol.readRequest(new ByteArrayInputStream(Arrays.copyOfRange(bytes, 1, bytes.length)), bytes[0]);

        assertThat(SeedProtocol.name(request)).isEqualTo("文件.txt");
    }

    @Test
    void aNameThatIsNotUtf8IsRefused() {
        byte[] request = {'a', (byte) 0xff, '.', 't'};

        assertThatThrownBy(() -> SeedProtocol.name(request)).isInstanceOf(FilesException.class);
    }
}
