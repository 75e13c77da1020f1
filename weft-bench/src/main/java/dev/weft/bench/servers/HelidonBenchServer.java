package dev.weft.bench.servers;

import java.nio.charset.StandardCharsets;

import io.helidon.common.Version;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * Helidon 4 SE's webserver (Níma): one virtual thread per connection as Helidon always runs, a routing
 * with {@code /hello} and {@code /route} and the static-content service over the folder for {@code /static}, everything else
 * at its defaults (no config file, no observability features).
 */
public final class HelidonBenchServer {

    private HelidonBenchServer() {
    }

    public static void main(String[] argv) {
        ServerArgs args = ServerArgs.parse(argv);
        byte[] hello = ServerArgs.HELLO.getBytes(StandardCharsets.UTF_8);
        WebServer server = WebServer.builder()
                .host(ServerArgs.HOST)
                .port(args.port())
                .backlog(1024)
                .featuresDiscoverServices(false)
                .routing(routing -> routing
                        .get("/hello", (request, response) -> {
                            response.header(HeaderNames.CONTENT_TYPE, "text/plain");
                            response.send(hello);
                        })
                        .get(HelloApp.PATH, (request, response) -> {
                            response.header(HeaderNames.CONTENT_TYPE, "text/plain");
                            response.send(hello);
                        })
                        .register("/static", StaticContentFeature.createService(
                                FileSystemHandlerConfig.create(args.staticDir()))))
                .build()
                .start();
        if (!server.isRunning()) {
            throw new IllegalStateException("Helidon did not start on port " + args.port() + " (see its log above)");
        }
        ServerArgs.config("Helidon SE " + Version.VERSION + " webserver: virtual thread per connection, backlog 1024, "
                + "routing GET /hello and GET /route, StaticContentFeature file-system service for /static, "
                + "feature discovery off");
        ServerArgs.ready();
    }
}
