package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.http.RawClient;

/**
 * The attack run of issue 19 as a suite that runs in every build, against {@code weft serve DIR --upload --list}
 * under every model: traversal and redirect forms, request smuggling, slow heads and bodies, a connection flood and
 * upload abuse. Whatever is thrown at it: nothing outside the folder is ever served, no redirect names another host,
 * no attack gets a 500, no partial or temp file is left in the folder, and a normal client is served meanwhile.
 * (Slow TLS handshakes are in {@code dev.weft.services.echo.TlsHandshakeLimitTest}, under every model.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteTest {

    private static final String SECRET = "TOP-SECRET-outside-the-served-folder";

    private Path base;
    private Path root;
    private final Map<String, HttpServer> servers = new HashMap<>();

    Stream<Model> models() {
        return Model.all().stream();
    }

    /**
     * The models that keep serving while slow clients hold connections: all but {@code pool:N}, whose N threads are
     * held by the first N slow clients until the header or idle timeout lets them go, while everyone else waits in the
     * backlog (the thread-pool server's known limit, documented in the README; put such a server behind a proxy or
     * use {@code virtual} or {@code event-loop} for untrusted clients).
     */
    Stream<Model> unboundedModels() {
        return Model.all().stream().filter(model -> !(model instanceof Model.Pool));
    }

    @BeforeAll
    void folder(@TempDir Path temp) throws IOException {
        base = temp;
        root = Files.createDirectories(base.resolve("site"));
        Files.writeString(base.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.txt"), "a");
        Files.createDirectories(root.resolve("evil.com"));
        Files.writeString(root.resolve(".hidden"), SECRET);
        Files.createSymbolicLink(root.resolve("out"), base);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), base.resolve("secret.txt"));
    }

    @AfterAll
    void stop() {
        servers.values().forEach(HttpServer::close);
    }

    private synchronized HttpServer server(Model model) throws IOException {
        HttpServer server = servers.get(model.spec());
        if (server == null) {
            server = FileServers.start(model, root, true);
            servers.put(model.spec(), server);
        }
        return server;
    }

    // --- traversal and redirects ---

    private static final List<String> TRAVERSALS = List.of(
            "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/%2E%2E/secret.txt",
            "/.%2e/secret.txt", "/%2e./secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt", "/\\..\\secret.txt",
            "/docs/../../secret.txt", "/docs/%2e%2e/%2e%2e/secret.txt", "//../secret.txt", "/./../secret.txt",
            "/%252e%252e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%c0%af../secret.txt", "/..%00/secret.txt",
            "/%00../secret.txt", "/..;/secret.txt", "/out/secret.txt", "/out/site/../secret.txt", "/secret-link.txt",
            "/.hidden", "/%2ehidden", "/docs/..%2f.hidden", "/file:///etc/passwd", "/%2fetc%2fpasswd",
            "/..%c0%af..%c0%afsecret.txt", "/docs/....//....//secret.txt", "/docs/..../secret.txt");

    @ParameterizedTest
    @MethodSource("models")
    void noTraversalFormServesAnythingOutsideTheFolder(Model model) throws IOException {
        HttpServer server = server(model);
        for (String target : TRAVERSALS) {
            for (String method : List.of("GET", "PUT")) {
                RawClient.Response response = exchange(server, method + " " + target + " HTTP/1.1\r\nHost: t\r\n"
                        + (method.equals("PUT") ? "Content-Length: 6\r\n\r\nhacked" : "\r\n"));
                assertThat(response.status()).as("%s %s", method, target).isIn(400, 403, 404, 405, 409);
                assertThat(response.body()).as(target).doesNotContain(SECRET);
            }
        }
        assertThat(Files.readString(base.resolve("secret.txt"))).isEqualTo(SECRET);
        assertServesANormalClient(server);
    }

    @ParameterizedTest
    @MethodSource("models")
    void noRedirectNamesAnotherHost(Model model) throws IOException {
        HttpServer server = server(model);
        for (String target : List.of("//evil.com", "///evil.com", "////evil.com?x=1", "/.//evil.com", "/\\evil.com",
                "//\\evil.com", "/%2F%2Fevil.com", "/%2f/evil.com", "/%5Cevil.com", "/%5C%5Cevil.com", "/%09/evil.com",
                "//%09evil.com", "//evil.com/../evil.com", "/docs//..//evil.com", "//evil.com%2F")) {
            RawClient.Response response = exchange(server, "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(response.status()).as(target).isNotEqualTo(500);
            String location = response.header("Location");
            if (location != null) {
                assertThat(location).as(target).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
            }
        }
    }

    // --- smuggling ---

    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n";

    private static final List<String> SMUGGLING = List.of(
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 40\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nContent-Length: 36\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: +36\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 0x24\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 36, 36\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\tchunked\r\n \r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nX: y\r\n Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\nHost: t\nContent-Length: 36\n\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\rContent-Length: 36\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n\r\n" + SMUGGLED,
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello0\r\n\r\n" + SMUGGLED,
            "GET / HTTP/1.1\r\nHost: t\r\nHost: u\r\n\r\n" + SMUGGLED,
            "GET / HTTP/1.1\r\n\r\n" + SMUGGLED,
            "GET  / HTTP/1.1\r\nHost: t\r\n\r\n" + SMUGGLED,
            "GET / HTTP/1.1\r\nHost: t\r\nX: a\0b\r\n\r\n" + SMUGGLED,
            "GET / HTTP/1.1 \r\nHost: t\r\n\r\n" + SMUGGLED,
            "GET / HTTP/2.0\r\nHost: t\r\n\r\n" + SMUGGLED,
            "G\u00c9T / HTTP/1.1\r\nHost: t\r\n\r\n" + SMUGGLED);

    @ParameterizedTest
    @MethodSource("models")
    void everySmugglingFormIsRefusedAndNoSecondRequestIsAnswered(Model model) throws IOException {
        HttpServer server = server(model);
        for (String attack : SMUGGLING) {
            try (RawClient client = new RawClient(server.port())) {
                client.send(attack);
                RawClient.Response response = client.read();
                assertThat(response.status()).as(attack).isBetween(400, 505).isNotEqualTo(500);
                client.timeout(3000);
                assertThat(client.closedByServer()).as("closed after refusing %s", attack).isTrue();
            }
        }
        assertServesANormalClient(server);
    }

    // --- slow clients and floods ---

    @ParameterizedTest
    @MethodSource("unboundedModels")
    void slowHeadsAreCutWhileANormalClientIsServed(Model model) throws IOException {
        HttpServer server = server(model);
        List<Socket> slow = open(server, 100, "GET /index.html HTTP/1.1\r\nHost: t\r\nX-Slow: ");

        assertServedThenAllClosedByServer(server, slow, Duration.ofSeconds(8));
    }

    @ParameterizedTest
    @MethodSource("unboundedModels")
    void slowBodiesAreCutLeavingNoPartialFileWhileANormalClientIsServed(Model model) throws IOException {
        HttpServer server = server(model);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slow.addAll(open(server, 1, "PUT /docs/slow-" + i + ".bin HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n"
                    + "x".repeat(10_000)));
        }
        slow.addAll(open(server, 20, "POST /docs/ HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"slow.txt\"\r\n\r\nabc"));

        assertServedThenAllClosedByServer(server, slow, Duration.ofSeconds(12));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertNoPartialFiles);
    }

    @ParameterizedTest
    @MethodSource("unboundedModels")
    void aFloodOfIdleConnectionsIsShedWhileANormalClientIsServed(Model model) throws IOException {
        HttpServer server = server(model);
        List<Socket> flood = open(server, 1000, "");

        assertServedThenAllClosedByServer(server, flood, Duration.ofSeconds(15));
    }

    // --- upload abuse ---

    private static String multipart(String path, String contentType, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static final String FORM = "multipart/form-data; boundary=b";

    private static final List<String> UPLOAD_ABUSE = List.of(
            multipart("/docs/", "multipart/form-data", "--b\r\n\r\n"),
            multipart("/docs/", "text/plain", "hello"),
            multipart("/docs/a.txt", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"cut.txt\"\r\n\r\nno end"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big-head.txt\"\r\nX: "
                    + "h".repeat(20_000) + "\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"..\"\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\".hidden\"\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + "n".repeat(400)
                    + "\"\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\0b.txt\"\r\n\r\nx\r\n--b--\r\n"),
            multipart("/docs/", FORM, "garbage before any boundary"),
            multipart("/docs/", FORM, "--b\r\nno colon here\r\n\r\nx\r\n--b--\r\n"),
            multipart("/out/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"secret.txt\"\r\n\r\nhacked\r\n--b--\r\n"),
            "PUT /docs/huge.bin HTTP/1.1\r\nHost: t\r\nContent-Length: 4611686018427387904\r\n\r\n",
            "PUT /docs/ HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nx",
            "PUT /docs/chunked.bin HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "PUT /secret-link.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nhacked",
            "PUT /nowhere/x.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nx");

    @ParameterizedTest
    @MethodSource("models")
    void uploadAbuseGetsA4xxAndLeavesNoPartialFile(Model model) throws IOException {
        HttpServer server = server(model);
        for (String attack : UPLOAD_ABUSE) {
            RawClient.Response response = exchange(server, attack);
            assertThat(response.status()).as(attack.substring(0, Math.min(120, attack.length()))).isBetween(400, 499);
        }
        for (String cut : List.of("PUT /docs/cut.bin HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000),
                "PUT /docs/cut-chunked.bin HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + "x".repeat(2000),
                multipart("/docs/", FORM, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"cut-part.txt\"\r\n\r\n"
                        + "x".repeat(5000)).replaceFirst("Content-Length: \\d+", "Content-Length: 100000"))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(cut.getBytes(StandardCharsets.UTF_8));
            }
        }

        assertThat(Files.readString(base.resolve("secret.txt"))).isEqualTo(SECRET);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertNoPartialFiles);
        assertServesANormalClient(server);
    }

    // --- helpers ---

    /** One request on a fresh connection, its response read by its framing. */
    private static RawClient.Response exchange(HttpServer server, String request) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(request.getBytes(StandardCharsets.UTF_8)).read();
        }
    }

    private static void assertServesANormalClient(HttpServer server) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.timeout(3000);
            RawClient.Response response = client.send(RawClient.get("/index.html")).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<h1>home</h1>");
        }
    }

    /** {@code count} connections that each sent {@code start} and then nothing more. */
    private static List<Socket> open(HttpServer server, int count, String start) throws IOException {
        List<Socket> sockets = new ArrayList<>(count);
        byte[] bytes = start.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            sockets.add(socket);
            if (bytes.length > 0) {
                socket.getOutputStream().write(bytes);
            }
        }
        return sockets;
    }

    /** A normal client is served while {@code attackers} hold their connections, which the server then closes. */
    private static void assertServedThenAllClosedByServer(HttpServer server, List<Socket> attackers, Duration limit) throws IOException {
        try {
            assertServesANormalClient(server);
        } catch (IOException | AssertionError e) {
            for (Socket socket : attackers) {
                socket.close();
            }
            throw e;
        }
        assertAllClosedByServer(attackers, limit);
    }

    /** Every socket is closed by the server (a 408 or 503 before the close is fine) within {@code limit}. */
    private static void assertAllClosedByServer(List<Socket> sockets, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Socket socket : sockets) {
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout(left);
                assertThat(endsWithoutA500(socket.getInputStream())).as("closed by the server within %s", limit).isTrue();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Reads to the end of the connection: true if the server closed it, false if it stayed open; fails on a 500. */
    private static boolean endsWithoutA500(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (head.length() < 64) {
                    head.append(new String(buffer, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1));
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException | EOFException e) {
            // reset by the server: closed
        }
        assertThat(head.toString()).doesNotStartWith("HTTP/1.1 500");
        return true;
    }

    /** No upload temp file, and none of the names the cut or refused uploads asked for, anywhere in the folder. */
    private void assertNoPartialFiles() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            List<String> names = all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).map(p -> root.relativize(p).toString()).sorted().toList();
            assertThat(names).containsExactlyInAnyOrder("index.html", "docs/a.txt", ".hidden", "out", "secret-link.txt");
        }
    }
}
