package dev.weft.http;

import java.io.IOException;
import java.nio.file.Path;

import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/** What the HTTPS tests serve: {@link TestApp}'s {@code /hello}, {@code /echo} and {@code /stream}, a folder with uploads for every other path. */
public final class HttpsApp implements HttpHandler {

    private final TestApp app = new TestApp();
    private final FileServer files;

    public HttpsApp(Path root) throws IOException {
        files = new FileServer(FileServerOptions.of(root).withGzip(false).withUpload(true, true));
    }

    @Override
    public boolean nonBlocking() {
        return app.nonBlocking() && files.nonBlocking();
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        return switch (request.path()) {
            case "/hello", "/echo", "/stream" -> app.handle(request);
            default -> files.handle(request);
        };
    }
}
