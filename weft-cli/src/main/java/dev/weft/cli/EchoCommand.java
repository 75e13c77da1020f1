package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.services.echo.Echo;
import dev.weft.services.line.LineClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft echo server|client}: the RFC 862 echo service and a line client for it. */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = "Echo service (RFC 862) over TCP or UDP, and its client.")
final class EchoCommand extends CommandGroup {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(EchoCommand.Server.class, EchoCommand.Client.class);

    static final int DEFAULT_PORT = 7000;

    @Command(name = "server", mixinStandardHelpOptions = true, description = "Serve echo: TCP returns every byte, UDP every datagram.")
    static final class Server implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions options;

        @Option(names = "--udp", description = "Serve UDP instead of TCP.")
        boolean udp;

        @Override
        public Integer call() throws Exception {
            List<String> notes = new ArrayList<>();
            if (!udp) {
                options.defaultModel(ServerOptions.TCP_DEFAULT_MODEL);
            }
            ServerConfig config = options.config(udp ? "echo (UDP)" : "echo", DEFAULT_PORT, notes);
            if (udp) {
                return Serving.untilStopped(UdpServer.start(config, Echo.udp()), notes, spec.commandLine().getOut());
            }
            return Serving.untilStopped(TcpServer.start(config, Echo.tcp()), notes, spec.commandLine().getOut());
        }
    }

    @Command(name = "client", mixinStandardHelpOptions = true,
            description = "Send each line of stdin to an echo server and print the reply; stops at EOF or an empty line.")
    static final class Client implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HOST")
        String host;

        @Parameters(index = "1", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT)
        int port;

        @Option(names = "--udp", description = "Use UDP.")
        boolean udp;

        @Option(names = {"--timeout", "--idle-timeout"}, defaultValue = "5s", converter = DurationConverter.class, description = "Connect and reply timeout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--tls", description = "Speak TLS, to a server started with --tls-self-signed or --tls-cert "
                + "(trust: the JDK's CAs, or --cacert, --pin, -k).")
        boolean tls;

        @Mixin
        TrustOptions trust;

        @Override
        public Integer call() throws IOException {
            return LineSession.fromStdin(LineSession.dialer(udp, trust.tlsFor(tls, udp, spec.commandLine().getErr()),
                    host, port, LineClient.Family.ANY, StandardCharsets.UTF_8, timeout), spec.commandLine().getOut());
        }
    }
}
