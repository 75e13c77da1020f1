package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/**
 * The same command line given to curl and to weft get/post against one local server: the body bytes (on standard
 * output, or in the -o file) and success or failure must match. weft always fails on 4xx/5xx and always follows
 * redirects, so those cases give curl the -f and -L that make it do the same.
 */
class CurlSideBySideTest {

    private static final byte[] BINARY = binary();
    private static Path root;
    private static HttpServer server;
    private static String base;
    private static int closedPort;

    private static byte[] binary() {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        root = Files.createTempDirectory("weft-curl-");
        Files.write(root.resolve("big.bin"), BINARY);
        Files.writeString(root.resolve("form.txt"), "a=1\nb=2\n");
        FileServer files = new FileServer(FileServerOptions.of(root));
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), request -> switch (request.path()) {
            case "/text" -> HttpResponse.text(200, "plain text, ünïcode\n");
            case "/binary" -> HttpResponse.ok().header("Content-Type", "application/octet-stream").body(BINARY);
            case "/gzip" -> HttpResponse.ok().header("Content-Encoding", "gzip").body(gzip("compressed body\n".repeat(100)));
            case "/chunked" -> HttpResponse.ok().writer(out -> {
                for (int i = 0; i < 1000; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
            case "/empty" -> HttpResponse.of(204);
            case "/missing" -> HttpResponse.text(404, "not here");
            case "/broken" -> HttpResponse.text(500, "server trouble");
            case "/moved" -> HttpResponse.redirect(302, "/text");
            case "/moved-twice" -> HttpResponse.redirect(301, "/moved");
            case "/loop" -> HttpResponse.redirect(302, "/loop");
            case "/echo" -> HttpResponse.text(200, request.method() + " " + request.query() + " "
                    + request.header("Content-Type") + " " + request.header("X-Token") + " [" + request.bodyText() + "]");
            case "/auth" -> HttpResponse.text(200, String.valueOf(request.header("Authorization")));
            default -> files.handle(request);
        });
        base = "http://127.0.0.1:" + server.port();
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A case: the command (get or post), then the arguments both programs get ({URL} is the server). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("get", "{URL}/text"),
                Arguments.of("get", "{URL}/binary"),
                Arguments.of("get", "--compressed {URL}/gzip"),
                Arguments.of("get", "{URL}/chunked"),
                Arguments.of("get", "{URL}/empty"),
                Arguments.of("get", "-f {URL}/missing"),
                Arguments.of("get", "-f {URL}/broken"),
                Arguments.of("get", "-L {URL}/moved-twice"),
                Arguments.of("get", "-L --max-redirs 3 {URL}/loop"),
                Arguments.of("get", "{URL}/echo?x=1&y=two"),
                Arguments.of("get", "-H X-Token:\u00a0abc {URL}/echo"),
                Arguments.of("get", "-X DELETE {URL}/echo"),
                Arguments.of("post", "-X PUT -d a=1 {URL}/echo"),
                Arguments.of("post", "-X PATCH --data-binary x=1&y=2 {URL}/echo"),
                Arguments.of("post", "-d a=1 -d b=2 {URL}/echo"),
                Arguments.of("post", "-d @{ROOT}/form.txt {URL}/echo"),
                Arguments.of("post", "--data-binary @{ROOT}/form.txt {URL}/echo"),
                Arguments.of("get", "-u ann:s3cret {URL}/auth"),
                Arguments.of("get", "http://ann:s3cret@127.0.0.1:{PORT}/auth"),
                Arguments.of("get", "-o {OUT} {URL}/big.bin"),
                Arguments.of("get", "-C - -o {PARTIAL} {URL}/big.bin"),
                Arguments.of("get", "http://127.0.0.1:{CLOSED}/"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void weftAndCurlAgree(String command, String line) throws Exception {
        Path work = Files.createTempDirectory(root, "case-");
        List<String> args = new ArrayList<>();
        for (String word : line.split(" ")) {
            args.add(word.replace("\u00a0", " ").replace("{URL}", base).replace("{ROOT}", root.toString())
                    .replace("{PORT}", Integer.toString(server.port())).replace("{CLOSED}", Integer.toString(closedPort)));
        }
        Result curl = curl(substitute(args, work.resolve("curl")));
        Result weft = weft(command, substitute(args, work.resolve("weft")));
        assertThat(weft.ok()).as("weft succeeds exactly when curl does (curl exit %d, weft: %s)", curl.exit(), weft.err())
                .isEqualTo(curl.ok());
        assertThat(weft.body()).as("body bytes").isEqualTo(curl.body());
    }

    /** {OUT} and {PARTIAL} become a file of the program's own; PARTIAL starts with the first 100 000 bytes. */
    private static List<String> substitute(List<String> args, Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("{PARTIAL}")) {
                Files.write(file, Arrays.copyOf(BINARY, 100_000));
            }
            out.add(arg.equals("{OUT}") || arg.equals("{PARTIAL}") ? file.toString() : arg);
        }
        return out;
    }

    /** What a program did: exit status, and the body (standard output, or the -o file). */
    record Result(int exit, byte[] body, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static byte[] bodyOf(List<String> args, byte[] stdout) throws IOException {
        int at = args.indexOf("-o");
        if (at < 0) {
            return stdout;
        }
        Path file = Path.of(args.get(at + 1));
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    private static Result curl(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), bodyOf(args, out), "");
    }

    private static Result weft(String command, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of(command, "-s"));
        all.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteWriter(out), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(exit, bodyOf(args, out.toByteArray()), err.toString());
    }
}
