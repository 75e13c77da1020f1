package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** weft bench's command line: its help and one-line refusals of bad input before anything starts. */
class BenchCommandTest {

    @Test
    void helpListsHttpModelsFilesAndStartup() {
        CliTest.Result result = CliTest.run("bench", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("http", "models", "files", "startup");
    }

    @Test
    void anUnknownServerIsOneLineNamingItAndTheChoices() {
        CliTest.Result result = CliTest.run("bench", "http", "--servers", "weft,tomcat");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench http: unknown server 'tomcat' "
                + "(expected one of weft, jetty, undertow, netty, helidon, jdk, nginx)");
    }

    @Test
    void anUnknownModelIsOneLineNamingIt() {
        CliTest.Result result = CliTest.run("bench", "http", "--models", "virtual,fibers");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("weft: bench http: unknown model 'fibers'");
    }

    @Test
    void tooManyIdleConnectionsIsRefusedBeforeAnythingStarts() {
        CliTest.Result result = CliTest.run("bench", "http", "--idle-connections", "50000");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("at most 15000 idle connections");
    }

    @Test
    void anUnknownLoadIsOneLineNamingItAndTheEndpoints() {
        CliTest.Result result = CliTest.run("bench", "http", "--loads", "route,gopher@64");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench http: unknown endpoint 'gopher' "
                + "(expected one of hello, route, static-4k, static-1m, https-4k)");
    }

    @Test
    void aLoadWithABadConnectionCountIsRefused() {
        CliTest.Result result = CliTest.run("bench", "http", "--loads", "route@lots");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("bad load 'route@lots' (expected ENDPOINT[@CONNECTIONS], e.g. route@1000)");
    }

    @Test
    void aClientCountOutOfRangeIsRefused() {
        CliTest.Result result = CliTest.run("bench", "models", "--clients", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench models: --clients must be between 1 and 5000, not [0]");
    }

    @Test
    void aBadFileSizeIsOneLineNamingIt() {
        CliTest.Result result = CliTest.run("bench", "files", "--size", "2x");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bad size '2x' (expected e.g. 1048576, 512k, 64M or 2G)");
    }

    @Test
    void anEmptyFileIsRefused() {
        CliTest.Result result = CliTest.run("bench", "files", "--size", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench files: size must be at least 1 byte, not 0");
    }
}
