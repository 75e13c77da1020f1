package dev.weft.cli;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.services.line.LineClient;
import dev.weft.services.line.LineEncoding;
import dev.weft.services.time.TimeFormat;
import dev.weft.services.time.TimeService;
import dev.weft.services.time.TimeStyle;
import dev.weft.services.time.Timestamp;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft time server|client}: seed 003's timestamp service over TCP or UDP, and its client. */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = "Timestamp service (seed 003) over TCP or UDP, IPv4 or IPv6, and its client.")
final class TimeCommand extends CommandGroup {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(TimeCommand.Server.class, TimeCommand.Client.class);

    static Charset encoding(String name) {
        try {
            return LineEncoding.forName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Reply to each line (TCP) or datagram (UDP) with [time]: and the message.")
    static final class Server implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions options;

        @Option(names = "--udp", description = "Serve UDP instead of TCP.")
        boolean udp;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ctime",
                description = "Time layout: ctime (Sat May  8 16:59:10 2021, default), iso (RFC 3339), epoch (seconds.millis).")
        TimeFormat format;

        @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "utf-8",
                description = "Encoding of the reply prefix; must keep ASCII as ASCII: utf-8 (default), gbk ...")
        String encoding;

        @Option(names = "--style", paramLabel = "STYLE", defaultValue = "weft",
                description = "Reply as one of seed 003's servers: weft ([time]: line, default), socketserver (time and "
                        + "the first line glued, then close), twisted (time,b'bytes' for each read).")
        TimeStyle style;

        @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "100ms", converter = DurationConverter.class,
                description = "Answer a line without a newline once the client has paused this long (default: ${DEFAULT-VALUE}).")
        Duration pause;

        @Override
        public Integer call() throws Exception {
            if (udp && style != TimeStyle.WEFT) {
                throw CommandFailure.usage("--style " + style.name().toLowerCase(java.util.Locale.ROOT) + " is a TCP server's; UDP has one style");
            }
            Timestamp stamp = new Timestamp(Clock.systemDefaultZone(), format, encoding(encoding));
            List<String> notes = new ArrayList<>();
            if (!udp) {
                options.defaultModel(ServerOptions.TCP_DEFAULT_MODEL);
            }
            ServerConfig config = options.config(udp ? "time (UDP)" : "time", TimeService.DEFAULT_PORT, notes);
            if (config.address().getAddress() instanceof Inet6Address && config.address().getAddress().isAnyLocalAddress()) {
                notes.add("Listening on IPv6 and, where the OS maps them, IPv4 clients too");
            }
            if (udp) {
                return Serving.untilStopped(UdpServer.start(config, TimeService.udp(stamp)), notes,
                        spec.commandLine().getOut());
            }
            return Serving.untilStopped(TcpServer.start(config, TimeService.tcp(stamp, pause, config.limits().maxLineLength(), style)),
                    notes, spec.commandLine().getOut());
        }
    }

    @Command(name = "client", mixinStandardHelpOptions = true,
            description = "Send each line of stdin to a time server and print each reply; stops at EOF, an empty line, or when the server closes.")
    static final class Client implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HOST", description = "Server name or address; every address is tried in turn.")
        String host;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PORT", defaultValue = "" + TimeService.DEFAULT_PORT,
                description = "Server port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--udp", description = "Use UDP.")
        boolean udp;

        @ArgGroup(exclusive = true)
        FamilyOptions family = new FamilyOptions();

        @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "utf-8",
                description = "Encoding on the wire: utf-8 (default), gbk ...")
        String encoding;

        @Option(names = {"--timeout", "--idle-timeout"}, paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
                description = "Connect and reply timeout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--tls", description = "Speak TLS, to a server started with --tls-self-signed or --tls-cert "
                + "(trust: the JDK's CAs, or --cacert, --pin, -k).")
        boolean tls;

        @Mixin
        TrustOptions trust;

        @Option(names = "--reconnect",
                description = "One connection per line, as seed 003's SocketServer client does (for --style socketserver servers).")
        boolean reconnect;

        static final class FamilyOptions {
            @Option(names = "-4", description = "IPv4 addresses only.")
            boolean ipv4;

            @Option(names = "-6", description = "IPv6 addresses only.")
            boolean ipv6;

            LineClient.Family family() {
                return ipv4 ? LineClient.Family.IPV4 : ipv6 ? LineClient.Family.IPV6 : LineClient.Family.ANY;
            }
        }

        @Override
        public Integer call() throws IOException {
            if (reconnect && udp) {
                throw CommandFailure.usage("--reconnect is for TCP; UDP has no connection");
            }
            LineSession.Dialer dialer = LineSession.dialer(udp, trust.tlsFor(tls, udp, spec.commandLine().getErr()),
                    host, port, family.family(), encoding(encoding), timeout);
            return reconnect ? LineSession.connectionPerLine(dialer, spec.commandLine().getOut())
                    : LineSession.fromStdin(dialer, spec.commandLine().getOut());
        }
    }
}
