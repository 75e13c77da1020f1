package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code weft serve} prints for a person: URLs to click, a QR code, a way out of a busy port. */
class BannerTest {

    @Test
    void aLoopbackServerHasOneUrlWithItsPort() throws Exception {
        assertThat(Banner.urls(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8123), false))
                .containsExactly("http://127.0.0.1:8123/");
    }

    @Test
    void tlsUrlsAreHttps() throws Exception {
        assertThat(Banner.urls(new InetSocketAddress(InetAddress.getByName("::1"), 8443), true)).containsExactly("https://[::1]:8443/");
    }

    @Test
    void aWildcardServerListsLoopbackFirstThenEachInterfaceAddress() throws Exception {
        List<String> urls = Banner.urls(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8000), false);
        assertThat(urls.get(0)).isEqualTo("http://127.0.0.1:8000/");
        assertThat(urls).allMatch(u -> u.matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+:8000/"));
        assertThat(Banner.lanUrl(urls)).isEqualTo(urls.size() > 1 ? urls.get(1) : urls.get(0));
    }

    @Test
    void theQrCodeIsASquareOfBlocksWithAQuietZone() {
        List<String> lines = Banner.qr("http://192.168.1.20:8000/");
        int width = lines.get(0).length();
        // version 2 (25 modules) plus a 2-module border: 29 columns, 15 lines of two modules each
        assertThat(width).isEqualTo(29);
        assertThat(lines).hasSize(15).allMatch(l -> l.length() == width && l.matches("[█▀▄ ]+"));
        assertThat(lines.get(0)).matches("█+");
    }

    @Test
    void listingsAreOnByDefaultAndNoListTurnsThemOff(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        ServeCommand command = new ServeCommand();
        picocli.CommandLine line = new picocli.CommandLine(command);
        line.parseArgs(dir.toString(), "--port", "0");
        assertThat(command.list).isTrue();
        line.parseArgs(dir.toString(), "--no-list", "--port", "0");
        assertThat(command.list).isFalse();
        line.parseArgs(dir.toString(), "--list", "--port", "0");
        assertThat(command.list).isTrue();
    }

    @Test
    void aBusyPortSuggestsPortZeroAndAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliTest.Result result = CliTest.run("serve", ".", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err().strip()).startsWith("weft: cannot listen on 127.0.0.1 port " + taken.getLocalPort())
                    .contains("try --port 0 for any free port").containsPattern("or --port \\d+, free now\\)").doesNotContain("\n");
        }
    }
}
