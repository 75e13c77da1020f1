package dev.weft.bench.servers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;

/**
 * Undertow 2.3 as its docs recommend for throughput: the default I/O threads (one per core) and worker
 * pool (8 per I/O thread), {@code /hello} answered directly on the I/O thread from a shared buffer (the
 * hello-world example), {@link ResourceHandler} over a {@link PathResourceManager} for {@code /static}.
 */
public final class UndertowBenchServer {

    private UndertowBenchServer() {
    }

    public static void main(String[] argv) {
        ServerArgs args = ServerArgs.parse(argv);
        ByteBuffer hello = ByteBuffer.wrap(ServerArgs.HELLO.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        ResourceHandler files = new ResourceHandler(new PathResourceManager(args.staticDir(), 1024 * 1024))
                .setDirectoryListingEnabled(false);
        io.undertow.server.HttpHandler helloHandler = exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            exchange.getResponseSender().send(hello.duplicate());
        };
        Undertow server = Undertow.builder()
                .addHttpListener(args.port(), ServerArgs.HOST)
                .setIoThreads(ioThreads)
                .setWorkerThreads(ioThreads * 8)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(org.xnio.Options.BACKLOG, 1024)
                .setHandler(Handlers.path()
                        .addExactPath("/hello", helloHandler)
                        .addExactPath(HelloApp.PATH, helloHandler)
                        .addPrefixPath("/static", files))
                .build();
        server.start();
        ServerArgs.config("Undertow " + io.undertow.Version.getVersionString() + ": io threads " + ioThreads
                + ", worker threads " + ioThreads * 8 + ", backlog 1024, /hello and /route sent on the I/O thread, "
                + "ResourceHandler(PathResourceManager, transfer min 1 MiB) for /static");
        ServerArgs.ready();
    }
}
