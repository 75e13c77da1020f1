package dev.weft.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/** The app the HTTPS tests serve: static files, a multipart upload, large bodies both ways and what the connection is. */
public final class SecureApp implements WebApp {

    /** The size of {@code GET /large}'s streamed body. */
    static final int LARGE = 2 << 20;

    /** {@code GET /large}'s body: a deterministic text the test can rebuild. */
    static byte[] large() {
        byte[] bytes = new byte[LARGE];
        for (int i = 0; i < LARGE; i++) {
            bytes[i] = (byte) ('a' + (i * 7 + i / 4096) % 26);
        }
        return bytes;
    }

    @Override
    public void routes(Web web) {
        try {
            web.staticFiles(Path.of(SecureApp.class.getResource("/static").toURI()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("test resources missing", e);
        }
        web.get("/connection", request -> Map.of("secure", request.http().isSecure(),
                        "port", request.remoteAddress().getPort()))
                .post("/echo", request -> Response.text(request.bodyText()))
                .get("/large", request -> Response.stream(new ByteArrayInputStream(large()), "text/plain"))
                .post("/upload", request -> {
                    UploadedFile file = request.form().file("file");
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = file.open()) {
                        sha.update(in.readAllBytes());
                    }
                    return Map.of("title", request.formField("title"), "size", file.size(),
                            "sha256", HexFormat.of().formatHex(sha.digest()));
                });
    }
}
