package dev.weft.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.tls.Tls;

/**
 * One HTTPS server per model serving {@link HttpsApp} over a folder, with a fresh self-signed identity, started on
 * first use and shared by a test class; worker processes load the identity from PEM files next to the folder.
 */
public final class HttpsServers implements AutoCloseable {

    static final Limits LIMITS = Limits.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)).withShutdownGrace(Duration.ofMillis(200));
    static final HttpSettings SETTINGS = HttpSettings.DEFAULT.withMaxBodySize(8 << 20);

    private final Tls identity = Tls.selfSigned();
    private final Path root;
    private final Path cert;
    private final Path key;
    private final Map<String, HttpServer> servers = new HashMap<>();

    /** Serves {@code root}; the PEM files go into {@code keys}, which must not be under {@code root}. */
    public HttpsServers(Path root, Path keys) throws IOException {
        this.root = root;
        this.cert = keys.resolve("cert.pem");
        this.key = keys.resolve("key.pem");
        identity.writePem(cert, key);
    }

    public synchronized HttpServer on(Model model) throws IOException {
        HttpServer server = servers.get(model.spec());
        if (server == null) {
            ServerConfig config = ServerConfig.builder("HTTPS").bind("127.0.0.1", 0).model(model).limits(LIMITS)
                    .tls(identity.serverContext())
                    .workerCommand(WorkerCommand.java(HttpsWorker.class.getName(), port -> List.of(Integer.toString(port),
                            cert.toString(), key.toString(), root.toString())))
                    .build();
            server = HttpServer.start(config, SETTINGS, new HttpsApp(root));
            servers.put(model.spec(), server);
        }
        return server;
    }

    /** A client context that trusts this identity only. */
    public SSLContext clientContext() {
        return identity.trustingClientContext();
    }

    /** A TLS socket to the model's server, handshake done, offering {@code alpn} when given. */
    public SSLSocket connect(Model model, String... alpn) throws IOException {
        return connect(model, 0, alpn);
    }

    /**
     * A TLS socket whose receive buffer is {@code receiveBuffer} bytes (0 for the system's), so a client that stops
     * reading soon stops the server writing: loopback buffers otherwise take megabytes.
     */
    public SSLSocket connect(Model model, int receiveBuffer, String... alpn) throws IOException {
        SSLSocket socket = (SSLSocket) clientContext().getSocketFactory().createSocket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", on(model).port()), 10_000);
        socket.setSoTimeout(10_000);
        if (alpn.length > 0) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(HttpServer::close);
        servers.clear();
    }
}
