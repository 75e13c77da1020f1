package dev.weft.services.echo;

import java.io.IOException;
import java.util.List;

import java.nio.file.Path;
import java.util.ArrayList;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.engine.WorkerCommand;
import dev.weft.tls.Tls;

/** Starts echo servers on loopback port 0 under any model, for the tests. */
final class EchoServers {

    private EchoServers() {
    }

    static ServerConfig config(Model model, String host, Limits limits, String protocol) {
        return builder(model, host, limits, protocol, List.of()).build();
    }

    /** A TLS echo configuration; worker processes load the same identity from PEM files in {@code dir}. */
    static ServerConfig tlsConfig(Model model, Tls identity, Path dir) throws IOException {
        return tlsConfig(model, identity, dir, Limits.DEFAULT);
    }

    /** A TLS echo configuration with these limits; worker processes get the same handshake and idle timeouts. */
    static ServerConfig tlsConfig(Model model, Tls identity, Path dir, Limits limits) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        identity.writePem(cert, key);
        return builder(model, "127.0.0.1", limits, "tcp", List.of(cert.toString(), key.toString(),
                Long.toString(limits.handshakeTimeout().toMillis()), Long.toString(limits.idleTimeout().toMillis())))
                .tls(identity.serverContext()).build();
    }

    private static ServerConfig.Builder builder(Model model, String host, Limits limits, String protocol, List<String> extra) {
        return ServerConfig.builder("echo")
                .bind(host, 0)
                .model(model)
                .limits(limits)
                .workerCommand(WorkerCommand.java(EchoWorkerMain.class.getName(), port -> {
                    List<String> args = new ArrayList<>(List.of(protocol, host, Integer.toString(port)));
                    args.addAll(extra);
                    return args;
                }));
    }

    static TcpServer tcp(Model model, String host) throws IOException {
        return TcpServer.start(config(model, host, Limits.DEFAULT, "tcp"), Echo.tcp());
    }

    static UdpServer udp(Model model, String host) throws IOException {
        return UdpServer.start(config(model, host, Limits.DEFAULT, "udp"), Echo.udp());
    }
}
