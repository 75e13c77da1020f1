package dev.weft.tools.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;
import dev.weft.tls.Tls;

/**
 * weft's own HTTP server for download tests, on 127.0.0.1 port 0 under a given model (under processes each worker
 * runs {@link #main}). Paths:
 * <ul>
 * <li>{@code /files/NAME}: the file {@code files/NAME} under the root, from weft's {@link FileServer} (Content-Length,
 * Range, ETag);</li>
 * <li>{@code /chunked/N/NAME}: N seeded bytes ({@link TestFileServer#content}) sent chunked, in pieces of 10,000;</li>
 * <li>{@code /to/URL}: a 302 to URL, percent-encoded in the request target;</li>
 * <li>{@code /hop/K/NAME}: a 302 to {@code /hop/K-1/NAME}, and {@code /hop/0/NAME} a 302 to {@code /files/NAME}.</li>
 * </ul>
 */
final class WeftSite {

    private static final Limits LIMITS = Limits.DEFAULT.withIdleTimeout(Duration.ofSeconds(3))
            .withShutdownGrace(Duration.ofSeconds(3));

    private WeftSite() {
    }

    /** Writes {@code size} random bytes (seeded by the size) as {@code site/files/NAME} and returns them. */
    static byte[] publish(Path site, String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Files.createDirectories(site.resolve("files"));
        Files.write(site.resolve("files").resolve(name), bytes);
        return bytes;
    }

    static HttpServer start(Model model, Path root) throws IOException {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model).limits(LIMITS)
                .workerCommand(WorkerCommand.java(WeftSite.class.getName(), port -> List.of(Integer.toString(port), root.toString())))
                .build();
        return HttpServer.start(config, handler(root));
    }

    /** The same over TLS with {@code tls}, whose PEM files (for the workers of the processes model) go in {@code pem}. */
    static HttpServer startTls(Model model, Path root, Tls tls, Path pem) throws IOException {
        Path certificate = pem.resolve("cert.pem");
        Path key = pem.resolve("key.pem");
        tls.writePem(certificate, key);
        ServerConfig config = ServerConfig.builder("HTTPS").bind("127.0.0.1", 0).model(model).limits(LIMITS)
                .tls(tls.serverContext())
                .workerCommand(WorkerCommand.java(WeftSite.class.getName(),
                        port -> List.of(Integer.toString(port), root.toString(), certificate.toString(), key.toString())))
                .build();
        return HttpServer.start(config, handler(root));
    }

    static HttpHandler handler(Path root) throws IOException {
        FileServer files = new FileServer(FileServerOptions.of(root));
        return request -> {
            String[] segments = request.path().split("/");
            return switch (segments.length > 1 ? segments[1] : "") {
                case "files" -> files.handle(request);
                case "chunked" -> {
                    byte[] body = TestFileServer.content(request.path(), Integer.parseInt(segments[2]));
                    yield HttpResponse.ok().writer(out -> pieces(out, body));
                }
                case "to" -> HttpResponse.redirect(302, java.net.URLDecoder.decode(request.target().substring("/to/".length()),
                        java.nio.charset.StandardCharsets.UTF_8));
                case "hop" -> {
                    int left = Integer.parseInt(segments[2]);
                    yield HttpResponse.redirect(302, left == 0 ? "/files/" + segments[3] : "/hop/" + (left - 1) + "/" + segments[3]);
                }
                default -> HttpResponse.text(404, "no such test path");
            };
        };
    }

    private static void pieces(OutputStream out, byte[] body) throws IOException {
        for (int at = 0; at < body.length; at += 10_000) {
            out.write(body, at, Math.min(10_000, body.length - at));
            out.flush();
        }
    }

    /** A worker process of the processes model (args: port, root[, certificate PEM, key PEM]). */
    public static void main(String[] args) throws Exception {
        ServerConfig.Builder builder = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[0]))
                .limits(LIMITS).worker(true);
        if (args.length > 2) {
            builder.tls(Tls.fromPem(Path.of(args[2]), Path.of(args[3])).serverContext());
        }
        ServerConfig config = builder.build();
        HttpServer server = HttpServer.start(config, handler(Path.of(args[1])));
        server.tcp().closeOnShutdown();
        server.awaitClosed();
        System.exit(0);
    }
}
