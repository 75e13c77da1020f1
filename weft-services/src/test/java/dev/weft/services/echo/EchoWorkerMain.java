package dev.weft.services.echo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import dev.weft.engine.Limits;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.tls.Tls;

/** A worker process for the processes-model tests: {@code tcp|udp HOST PORT [CERT.pem KEY.pem [HANDSHAKE_MS IDLE_MS]]}. */
public final class EchoWorkerMain {

    private EchoWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("echo")
                .address(new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2])))
                .worker(true)
                .limits(args.length > 6 ? Limits.DEFAULT.withHandshakeTimeout(Duration.ofMillis(Long.parseLong(args[5])))
                        .withIdleTimeout(Duration.ofMillis(Long.parseLong(args[6]))) : Limits.DEFAULT)
                .tls(args.length > 3 ? Tls.fromPem(Path.of(args[3]), Path.of(args[4])).serverContext() : null)
                .build();
        if (args[0].equals("udp")) {
            UdpServer.start(config, Echo.udp()).closeOnShutdown().awaitClosed();
        } else {
            TcpServer.start(config, Echo.tcp()).closeOnShutdown().awaitClosed();
        }
    }
}
