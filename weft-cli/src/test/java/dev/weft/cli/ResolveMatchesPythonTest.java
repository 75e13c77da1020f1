package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code weft resolve} look-up and conversion prints what Python's socket function it names returns for the
 * same input on this machine (loopback names only: the machine has no outside DNS). The Python side formats the
 * result the way weft prints it, so the two outputs compare as text.
 */
class ResolveMatchesPythonTest {

    private static final String END = "--- end of answer ---";

    /** Helpers that print Python's results in weft's layout. */
    private static final String PRELUDE = """
            import socket, sys
            def ex(h):
                return 'name      %s\\naliases   %s\\naddresses %s' % (h[0], ' '.join(h[1]) or '-', ' '.join(h[2]))
            def rev(ip):
                h = socket.gethostbyaddr(ip)
                also = ', also ' + ', '.join(h[1]) if h[1] else ''
                fam = socket.AF_INET6 if ':' in ip else socket.AF_INET
                return '%s is %s%s (packed: %s)' % (ip, h[0], also, socket.inet_pton(fam, ip).hex())
            def pton(t):
                return socket.inet_pton(socket.AF_INET6 if ':' in t else socket.AF_INET, t).hex()
            def ntop(h):
                b = bytes.fromhex(h)
                return socket.inet_ntop(socket.AF_INET6 if len(b) == 16 else socket.AF_INET, b)
            def proto(n):
                return '%s %d' % (n, socket.getprotobyname(n))
            """;

    private static final List<Arguments> LOOK_UPS = List.of(
            Arguments.of("--hostname", "socket.gethostname()"),
            Arguments.of("--fqdn", "socket.getfqdn()"),
            Arguments.of("--fqdn localhost", "socket.getfqdn('localhost')"),
            Arguments.of("--fqdn 127.0.0.1", "socket.getfqdn('127.0.0.1')"),
            Arguments.of("--aliases localhost", "ex(socket.gethostbyname_ex('localhost'))"),
            Arguments.of("--aliases 127.0.0.1", "ex(socket.gethostbyname_ex('127.0.0.1'))"),
            Arguments.of("--reverse 127.0.0.1", "rev('127.0.0.1')"),
            Arguments.of("--pton 127.0.0.1", "pton('127.0.0.1')"),
            Arguments.of("--pton ::1", "pton('::1')"),
            Arguments.of("--pton 2001:db8::8:800:200c:417a", "pton('2001:db8::8:800:200c:417a')"),
            Arguments.of("--pton ::ffff:192.168.1.136", "pton('::ffff:192.168.1.136')"),
            Arguments.of("--ntop 7f000001", "ntop('7f000001')"),
            Arguments.of("--ntop 00000000000000000000000000000001", "ntop('00000000000000000000000000000001')"),
            Arguments.of("--ntop 20010db80000000000080800200c417a", "ntop('20010db80000000000080800200c417a')"),
            Arguments.of("--ntop 00000000000000000000ffffc0a80188", "ntop('00000000000000000000ffffc0a80188')"),
            Arguments.of("--ntop 00000000000000000000000001020304", "ntop('00000000000000000000000001020304')"),
            Arguments.of("--ntop 00010000000000000000000000000000", "ntop('00010000000000000000000000000000')"),
            Arguments.of("--ntop 00000000000000000001000000000000", "ntop('00000000000000000001000000000000')"),
            Arguments.of("--aton 192.168.1.136", "socket.inet_aton('192.168.1.136').hex()"),
            Arguments.of("--aton 127.1", "socket.inet_aton('127.1').hex()"),
            Arguments.of("--aton 10.1.65535", "socket.inet_aton('10.1.65535').hex()"),
            Arguments.of("--aton 0x7f.0.0.01", "socket.inet_aton('0x7f.0.0.01').hex()"),
            Arguments.of("--aton 0177.1", "socket.inet_aton('0177.1').hex()"),
            Arguments.of("--aton 3232235912", "socket.inet_aton('3232235912').hex()"),
            Arguments.of("--ntoa c0a80188", "socket.inet_ntoa(bytes.fromhex('c0a80188'))"),
            Arguments.of("--htons 80", "socket.htons(80)"),
            Arguments.of("--ntohs 20480", "socket.ntohs(20480)"),
            Arguments.of("--htons 65535", "socket.htons(65535)"),
            Arguments.of("--htonl 1", "socket.htonl(1)"),
            Arguments.of("--ntohl 100", "socket.ntohl(100)"),
            Arguments.of("--htonl 4294967295", "socket.htonl(4294967295)"));

    private static final List<Arguments> BAD_INPUTS = List.of(
            Arguments.of("--pton 127.1", "pton('127.1')"),
            Arguments.of("--pton 1::2::3", "pton('1::2::3')"),
            Arguments.of("--pton 127.000.0.1", "pton('127.000.0.1')"),
            Arguments.of("--pton ::1%lo", "pton('::1%lo')"),
            Arguments.of("--aton 1.2.3.256", "socket.inet_aton('1.2.3.256')"),
            Arguments.of("--aton 1.2.3.4.5", "socket.inet_aton('1.2.3.4.5')"),
            Arguments.of("--aton 1.2.256.4", "socket.inet_aton('1.2.256.4')"),
            Arguments.of("--aton 08.1.1.1", "socket.inet_aton('08.1.1.1')"),
            Arguments.of("--aton 1..2", "socket.inet_aton('1..2')"),
            Arguments.of("--ntoa 7f00", "socket.inet_ntoa(bytes.fromhex('7f00'))"),
            Arguments.of("--ntop 7f0000", "ntop('7f0000')"),
            Arguments.of("--htons 65536", "socket.htons(65536)"),
            Arguments.of("--ntohs -1", "socket.ntohs(-1)"),
            Arguments.of("--htonl 4294967296", "socket.htonl(4294967296)"));

    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "ipv6-icmp", "TCP", "sctp");

    /** Python's answer for every expression here, from one python3 run (one run per case takes over a minute). */
    private static Map<String, String> python = Map.of();

    @BeforeAll
    static void askPythonOnce() throws Exception {
        assumeTrue(python3() != null, "python3 is not installed");
        List<String> expressions = new ArrayList<>();
        Stream.concat(LOOK_UPS.stream(), BAD_INPUTS.stream()).forEach(a -> expressions.add((String) a.get()[1]));
        PROTOCOLS.forEach(name -> expressions.add("socket.getprotobyname('" + name + "')"));
        StringBuilder script = new StringBuilder(PRELUDE);
        for (String expression : expressions) {
            script.append("try:\n    print(").append(expression).append(")\nexcept (OSError, OverflowError, ValueError):\n")
                    .append("    print('raised')\nprint('").append(END).append("')\n");
        }
        List<String> answers = List.of(run(script.toString()).split(END + "\n", -1));
        Map<String, String> byExpression = new HashMap<>();
        for (int i = 0; i < expressions.size(); i++) {
            byExpression.put(expressions.get(i), answers.get(i).strip());
        }
        python = byExpression;
    }

    static List<Arguments> lookUps() {
        return LOOK_UPS;
    }

    static List<Arguments> badInputs() {
        return BAD_INPUTS;
    }

    static List<String> protocols() {
        return PROTOCOLS;
    }

    @ParameterizedTest(name = "weft resolve {0} prints {1}")
    @MethodSource("lookUps")
    void printsWhatPythonsSocketFunctionReturns(String weftArgs, String pythonExpression) {
        StdinCommandRun run = StdinCommandRun.of(args(weftArgs));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(python.get(pythonExpression));
    }

    @ParameterizedTest(name = "weft resolve --protocol {0} gives getprotobyname's number")
    @MethodSource("protocols")
    void protocolGivesGetprotobynamesNumber(String name) {
        StdinCommandRun run = StdinCommandRun.of("resolve", "--protocol", name);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] words = run.out().strip().split(" ");
        assertThat(words[1]).isEqualTo(python.get("socket.getprotobyname('" + name + "')"));
        assertThat(run.out()).contains(name);
    }

    @ParameterizedTest(name = "weft resolve {0} is a usage error where Python raises")
    @MethodSource("badInputs")
    void badInputIsOneUsageLineWherePythonRaises(String weftArgs, String pythonExpression) {
        StdinCommandRun run = StdinCommandRun.of(args(weftArgs));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(2).first().asString().startsWith("weft: ");
        assertThat(run.err().lines().toList().get(1)).isEqualTo("Try 'weft resolve --help' for more information.");
        assertThat(python.get(pythonExpression)).isEqualTo("raised");
    }

    private static String[] args(String weftArgs) {
        List<String> args = new ArrayList<>(List.of("resolve"));
        String[] words = weftArgs.strip().split("\\s+");
        args.add(words[0]);
        if (words.length > 1) {
            args.add(String.join("", List.of(words).subList(1, words.length)));
        }
        return args.toArray(String[]::new);
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python3(), "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String python3() {
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(path, "python3"))) {
                return Path.of(path, "python3").toString();
            }
        }
        return null;
    }
}
