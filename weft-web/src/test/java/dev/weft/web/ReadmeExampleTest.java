package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example app, compiled from source as a newcomer would, loaded like --app, and served. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    private static String source() throws Exception {
        return source("HelloApp");
    }

    private static String source(String app) throws Exception {
        try (InputStream in = ReadmeExampleTest.class.getResourceAsStream("/readme/" + app + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Compiles the README's {@code app} into {@link #dir} as a newcomer would with javac. */
    private void compile(String app) throws Exception {
        Path file = Files.writeString(dir.resolve(app + ".java"), source(app));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"),
                "-d", dir.toString(), file.toString());
        assertThat(status).isZero();
    }

    @Test
    void readmeShowsTheSameSourceTheTestCompiles() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(source());
    }

    @Test
    void readmeShowsTheSameSessionAndDatabaseExampleTheTestCompiles() throws Exception {
        assertThat(Files.readString(Path.of("../README.md"))).contains(source("GuestbookApp"));
    }

    @Test
    void sessionAndDatabaseExampleLogsInSignsAndLogsOut() throws Exception {
        compile("GuestbookApp");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             WebServer server = Weft.http().dataDir(dir.resolve("data")).routes(WebApp.load("GuestbookApp", loader)).start(0);
             HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build()) {
            String base = "http://127.0.0.1:" + server.port();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode home = json.readTree(get(client, base + "/").body());
            assertThat(home.get("you").asText()).isEqualTo("nobody");
            assertThat(post(client, base + "/login", "name=lisi").statusCode()).isEqualTo(403);
            assertThat(post(client, base + "/login", "name=lisi&_csrf=" + home.get("csrf").asText()).statusCode()).isEqualTo(303);
            home = json.readTree(get(client, base + "/").body());
            assertThat(home.get("you").asText()).isEqualTo("lisi");
            String text = java.net.URLEncoder.encode("hi'); DROP TABLE entries;--", StandardCharsets.UTF_8);
            assertThat(post(client, base + "/sign", "text=" + text + "&_csrf=" + home.get("csrf").asText()).statusCode())
                    .isEqualTo(303);
            home = json.readTree(get(client, base + "/").body());
            assertThat(home.get("entries").get(0).asText()).isEqualTo("lisi: hi'); DROP TABLE entries;--");
            assertThat(post(client, base + "/logout", "_csrf=" + home.get("csrf").asText()).statusCode()).isEqualTo(303);
            assertThat(json.readTree(get(client, base + "/").body()).get("you").asText()).isEqualTo("nobody");
        }
        assertThat(dir.resolve("data").resolve("weft.db")).isRegularFile();
    }

    @Test
    void exampleAppCompilesLoadsAndServesItsRoutes() throws Exception {
        compile("HelloApp");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             WebServer server = Weft.http().routes(WebApp.load("HelloApp", loader)).start(0);
             HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(client, base + "/").body()).isEqualTo("<h1>Hello, web!</h1>");
            assertThat(get(client, base + "/users/7").body()).isEqualTo("{\"id\":\"7\"}");
            assertThat(get(client, base + "/users/x").statusCode()).isEqualTo(404);
            assertThat(get(client, base + "/info?username=lisi").body()).isEqualTo("{\"username\":\"lisi\"}");
            HttpResponse<String> echo = client.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("a=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(echo.body()).isEqualTo("{\"a\":[\"1\"]}");
        }
    }

    private static HttpResponse<String> post(HttpClient client, String uri, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
