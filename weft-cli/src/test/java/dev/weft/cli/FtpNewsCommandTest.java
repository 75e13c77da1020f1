package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** The ftp and news commands' wiring: each failure is one line naming its step, exit 1; bad usage exit 2. */
class FtpNewsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void ftpToAClosedPortFailsInOneLineNamingTheStep() throws IOException {
        int port = closedPort();

        assertThat(run("ftp", "ls", "ftp://127.0.0.1:" + port + "/")).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("weft: cannot reach 127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void ftpRejectsANonFtpUrl() {
        assertThat(run("ftp", "get", "http://127.0.0.1/x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("weft: not an ftp:// URL: http://127.0.0.1/x\nTry 'weft ftp get --help'");
    }

    @Test
    void ftpInsecureWithoutTlsIsRefused() {
        assertThat(run("ftp", "ls", "--insecure", "ftp://127.0.0.1:1/")).isEqualTo(2);
        assertThat(err.toString()).startsWith("weft: --insecure only applies with --tls\nTry 'weft ftp ls --help'");
    }

    @Test
    void newsToAClosedPortFailsInOneLineNamingTheStep() throws IOException {
        int port = closedPort();

        assertThat(run("news", "--server", "127.0.0.1:" + port, "comp.lang.python")).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("weft: cannot reach 127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void newsPostWithoutSubjectIsAUsageError() {
        assertThat(run("news", "post", "weft.test", "--from", "a <a@b.c>")).isEqualTo(2);
        assertThat(err.toString()).contains("--subject");
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("ftp", "--help")).isZero();
        assertThat(out.toString()).contains("ls", "get", "put", "mirror", "shell");
        assertThat(run("news", "--help")).isZero();
        assertThat(out.toString()).contains("digest", "groups", "post", "--article", "--lines", "--json");
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
