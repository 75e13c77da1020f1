package dev.weft.bench.servers;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

/**
 * The JDK's built-in {@code com.sun.net.httpserver} as its docs suggest for load: an executor of virtual
 * threads (one per exchange), a plain handler for {@code /hello} and {@code /route} and the JDK's own
 * {@link SimpleFileServer#createFileHandler} for {@code /static/}.
 */
public final class JdkBenchServer {

    private JdkBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        byte[] hello = ServerArgs.HELLO.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(ServerArgs.HOST, args.port()), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        com.sun.net.httpserver.HttpHandler helloHandler = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, hello.length);
            try (var body = exchange.getResponseBody()) {
                body.write(hello);
            }
        };
        server.createContext("/hello", helloHandler);
        server.createContext(HelloApp.PATH, helloHandler);
        server.createContext("/static/", SimpleFileServer.createFileHandler(args.staticDir().toAbsolutePath()));
        server.start();
        ServerArgs.config("com.sun.net.httpserver (JDK " + Runtime.version() + "), backlog 1024, "
                + "executor Executors.newVirtualThreadPerTaskExecutor(), SimpleFileServer.createFileHandler for /static/");
        ServerArgs.config("sun.net.httpserver.idleInterval="
                + System.getProperty("sun.net.httpserver.idleInterval", "default")
                + ", sun.net.httpserver.maxIdleConnections="
                + System.getProperty("sun.net.httpserver.maxIdleConnections", "default"));
        ServerArgs.ready();
    }
}
