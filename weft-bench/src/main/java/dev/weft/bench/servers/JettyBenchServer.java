package dev.weft.bench.servers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 (core API, no servlets) as its embedding docs show: a {@link QueuedThreadPool} with default sizes,
 * one {@link ServerConnector} with the default acceptors and selectors, a {@code Handler.Abstract.NonBlocking}
 * for {@code /hello} and {@code /route} and a {@link ResourceHandler} for {@code /static}; the {@code Server} and {@code Date}
 * headers are sent as by default.
 */
public final class JettyBenchServer {

    private JettyBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(ServerArgs.HOST);
        connector.setPort(args.port());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);

        ByteBuffer hello = ByteBuffer.wrap(ServerArgs.HELLO.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        Handler.Abstract.NonBlocking helloHandler = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, hello.remaining());
                response.write(true, hello.slice(), callback);
                return true;
            }
        };
        ContextHandler helloContext = new ContextHandler(helloHandler, "/hello");
        helloContext.setAllowNullPathInContext(true);
        ContextHandler routeContext = new ContextHandler(helloHandler, HelloApp.PATH);
        routeContext.setAllowNullPathInContext(true);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(args.staticDir()));
        files.setDirAllowed(false);
        ContextHandler staticContext = new ContextHandler(files, "/static");
        server.setHandler(new ContextHandlerCollection(helloContext, routeContext, staticContext));
        server.start();
        ServerArgs.config("Jetty " + Server.getVersion() + " core: QueuedThreadPool(max " + threads.getMaxThreads()
                + ", min " + threads.getMinThreads() + "), ServerConnector(acceptors " + connector.getAcceptors()
                + ", selectors " + connector.getSelectorManager().getSelectorCount() + ", accept queue 1024), "
                + "Handler.Abstract.NonBlocking for /hello and /route, ResourceHandler for /static");
        ServerArgs.ready();
        server.join();
    }
}
