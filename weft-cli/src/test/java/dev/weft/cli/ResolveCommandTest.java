package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@code weft resolve} against the machine's resolver and services table. */
class ResolveCommandTest {

    @Test
    void localhostListsTheLoopbackAddressesTheMachineHas() throws Exception {
        StdinCommandRun run = StdinCommandRun.of("resolve", "localhost");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("AF_INET   SOCK_STREAM  6 (tcp)   127.0.0.1 port 0");
        boolean hasIpv6 = Arrays.stream(InetAddress.getAllByName("localhost")).anyMatch(a -> a instanceof Inet6Address);
        if (hasIpv6) {
            assertThat(run.out()).contains("AF_INET6  SOCK_STREAM  6 (tcp)   ::1 port 0");
        }
    }

    @Test
    void aServiceNameGivesThePortOnEachEntry() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "127.0.0.1", "https");
        assertThat(run.out().lines()).containsExactly(
                "AF_INET   SOCK_STREAM  6 (tcp)   127.0.0.1 port 443",
                "AF_INET   SOCK_DGRAM   17 (udp)  127.0.0.1 port 443");
    }

    @Test
    void anUnknownHostIsOneLineAndExitCodeOne() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "no-such-host.invalid");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("weft: cannot resolve host 'no-such-host.invalid'");
    }

    @Test
    void serviceGivesThePortOfAName() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--service", "https");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("https 443/tcp");
    }

    @Test
    void serviceGivesTheNameOfAPort() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--service", "22");
        assertThat(run.out().lines()).contains("ssh 22/tcp");
    }

    @Test
    void anUnknownServiceIsOneLineAndExitCodeOne() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--service", "no-such-service");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("weft: unknown service 'no-such-service'");
    }

    @Test
    void reverseNamesTheLoopbackAddress() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--reverse", "127.0.0.1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("127.0.0.1 is ").contains("(packed: 7f000001)");
    }

    @Test
    void reverseRefusesTextThatIsNotAnAddressAsUsage() {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--reverse", "999.1.1.1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("weft: not an IP address: '999.1.1.1'",
                "Try 'weft resolve --help' for more information.");
    }

    @Test
    void nothingToLookUpIsAUsageErrorSayingWhatToGive() {
        StdinCommandRun run = StdinCommandRun.of("resolve");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("weft: resolve needs a HOST [SERVICE], --reverse IP or --service NAME|PORT (see --help for the other look-ups)",
                "Try 'weft resolve --help' for more information.");
    }
}
