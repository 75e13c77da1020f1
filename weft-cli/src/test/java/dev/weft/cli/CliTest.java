package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The weft command's contract: help, version, exit codes and one-line errors. */
class CliTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        Result result = run("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: weft").contains("echo");
    }

    @Test
    void versionNamesWeftAndJava() {
        Result result = run("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("weft ").contains("Java ");
    }

    @Test
    void anUnknownOptionIsABadUsageWithExitTwo() {
        Result result = run("--no-such-option");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("weft: unknown option '--no-such-option'").contains("Try 'weft --help'");
    }

    @Test
    void aBadModelIsABadUsageThatNamesIt() {
        Result result = run("echo", "server", "--model", "fibers");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("unknown model 'fibers'");
    }

    @Test
    void aRefusedConnectionIsOneLineAndExitOne() {
        Result result = run("echo", "client", "127.0.0.1", "1");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: cannot connect to 127.0.0.1 port 1: Connection refused");
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result result = run("echo", "server", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err().strip()).startsWith("weft: cannot listen on 127.0.0.1 port " + taken.getLocalPort())
                    .doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void anUnreadableCertificateIsOneLineAndExitOne() {
        Result result = run("echo", "server", "--port", "0", "--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: cannot load TLS certificate: cannot read /nonexistent/cert.pem");
    }
}
