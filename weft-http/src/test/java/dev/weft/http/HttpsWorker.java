package dev.weft.http;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.tls.Tls;

/** A worker process for the HTTPS tests: {@code PORT CERT.pem KEY.pem ROOT}, serving {@link HttpsApp} over TLS. */
public final class HttpsWorker {

    private HttpsWorker() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("HTTPS").bind("127.0.0.1", Integer.parseInt(args[0]))
                .limits(HttpsServers.LIMITS).worker(true)
                .tls(Tls.fromPem(Path.of(args[1]), Path.of(args[2])).serverContext()).build();
        HttpServer server = HttpServer.start(config, HttpsServers.SETTINGS, new HttpsApp(Path.of(args[3])));
        server.awaitClosed();
        System.exit(0);
    }
}
