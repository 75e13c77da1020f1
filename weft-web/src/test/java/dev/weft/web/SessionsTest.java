package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.tls.Tls;
import dev.weft.http.HttpSettings;

/** Sessions, their cookie, expiry, CSRF and flash messages, over loopback with an app that counts visits. */
class SessionsTest {

    @TempDir
    Path dir;

    private static Web counter() {
        return Weft.http()
                .get("/count", request -> {
                    Session session = request.session();
                    int visits = Integer.parseInt(session.find("visits").orElse("0")) + 1;
                    session.put("visits", Integer.toString(visits));
                    return Map.of("visits", visits);
                })
                .get("/peek", request -> Map.of("session", request.existingSession().isPresent()))
                .get("/token", request -> request.session().csrfToken())
                .post("/flash", request -> {
                    request.flash("saved");
                    return Response.seeOther("/flashes");
                })
                .get("/flashes", request -> Map.of("flashes", request.session().takeFlashes()))
                .post("/api/ping", request -> "pong");
    }

    private static HttpResponse<String> get(HttpClient client, String uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String uri, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndNotSecureOverPlainHttp() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> first = get(client, "http://127.0.0.1:" + server.port() + "/count", null);
            assertThat(first.headers().firstValue("Set-Cookie")).hasValueSatisfying(header -> assertThat(header)
                    .matches("weft_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"));
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void theSessionCookieIsSecureUnderTls() throws Exception {
        Tls identity = Tls.selfSigned();
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).tls(identity.serverContext()).build();
        try (WebServer server = counter().start(config, HttpSettings.DEFAULT);
             HttpClient client = HttpClient.newBuilder().sslContext(identity.trustingClientContext()).build()) {
            HttpResponse<String> first = get(client, "https://localhost:" + server.port() + "/count", null);
            assertThat(first.headers().firstValue("Set-Cookie")).hasValueSatisfying(header -> assertThat(header)
                    .contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax"));
        }
    }

    @Test
    void valuesLastAcrossRequestsOfOneCookie() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            String cookie = cookieOf(get(client, base + "/count", null));
            get(client, base + "/count", cookie);
            HttpResponse<String> third = get(client, base + "/count", cookie);
            assertThat(third.body()).isEqualTo("{\"visits\":3}");
            assertThat(third.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aPageThatDoesNotUseTheSessionStartsNone() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> peek = get(client, "http://127.0.0.1:" + server.port() + "/peek", null);
            assertThat(peek.body()).isEqualTo("{\"session\":false}");
            assertThat(peek.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void anUnknownIdFromTheClientIsNotAdoptedButReplaced() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> planted = get(client, "http://127.0.0.1:" + server.port() + "/count", "weft_session=chosen-by-attacker");
            assertThat(planted.body()).isEqualTo("{\"visits\":1}");
            assertThat(cookieOf(planted)).startsWith("weft_session=").isNotEqualTo("weft_session=chosen-by-attacker");
        }
    }

    @Test
    void aGarbledCookieHeaderIsReadFieldByFieldNotA500() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            String cookie = cookieOf(get(client, base + "/count", null));
            HttpResponse<String> garbled = get(client, base + "/count", ";;=; \"x; junk=\"; bad name=1; " + cookie + "; tail");
            assertThat(garbled.statusCode()).isEqualTo(200);
            assertThat(garbled.body()).isEqualTo("{\"visits\":2}");
        }
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        Web web = counter().sessions(SessionSettings.DEFAULT.withIdle(Duration.ofMillis(300)));
        try (WebServer server = web.start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            String cookie = cookieOf(get(client, base + "/count", null));
            assertThat(get(client, base + "/count", cookie).body()).isEqualTo("{\"visits\":2}");
            await().atMost(Duration.ofSeconds(5)).until(() -> get(client, base + "/peek", cookie).body().equals("{\"session\":false}"));
        }
    }

    @Test
    void aBusySessionStillEndsAtItsAbsoluteLimit() throws Exception {
        Web web = counter().sessions(SessionSettings.DEFAULT.withAbsolute(Duration.ofMillis(800)));
        try (WebServer server = web.start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            String cookie = cookieOf(get(client, base + "/count", null));
            // visited all the time, never idle: still ends
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(client, base + "/count", cookie).body().equals("{\"visits\":1}"));
        }
    }

    @Test
    void sessionsInTheDatabaseOutliveTheServer() throws Exception {
        String cookie;
        try (WebServer server = counter().dataDir(dir).routes(web -> web.database()).start(0);
             HttpClient client = HttpClient.newHttpClient()) {
            cookie = cookieOf(get(client, "http://127.0.0.1:" + server.port() + "/count", null));
        }
        try (WebServer server = counter().dataDir(dir).routes(web -> web.database()).start(0);
             HttpClient client = HttpClient.newHttpClient()) {
            assertThat(get(client, "http://127.0.0.1:" + server.port() + "/count", cookie).body()).isEqualTo("{\"visits\":2}");
        }
    }

    @Test
    void csrfRefusesAPostWithoutTheSessionsTokenAndTakesItInAHeader() throws Exception {
        try (WebServer server = counter().csrf().start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> tokenPage = get(client, base + "/token", null);
            String cookie = cookieOf(tokenPage);
            assertThat(post(client, base + "/flash", cookie, "").statusCode()).isEqualTo(403);
            assertThat(post(client, base + "/flash", null, "_csrf=" + tokenPage.body()).statusCode()).isEqualTo(403);
            HttpResponse<String> withHeader = client.send(HttpRequest.newBuilder(URI.create(base + "/flash"))
                    .header("Cookie", cookie).header("X-CSRF-Token", tokenPage.body())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withHeader.statusCode()).isEqualTo(303);
        }
    }

    @Test
    void anExemptRouteTakesPostsWithoutAToken() throws Exception {
        try (WebServer server = counter().csrf().csrfExempt("/api/*").start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(post(client, base + "/api/ping", null, "").body()).isEqualTo("pong");
            assertThat(post(client, base + "/flash", null, "").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aFlashMessageIsReadOnce() throws Exception {
        try (WebServer server = counter().start(0); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> posted = post(client, base + "/flash", null, "");
            assertThat(posted.statusCode()).isEqualTo(303);
            String cookie = cookieOf(posted);
            assertThat(get(client, base + "/flashes", cookie).body()).isEqualTo("{\"flashes\":[\"saved\"]}");
            assertThat(get(client, base + "/flashes", cookie).body()).isEqualTo("{\"flashes\":[]}");
        }
    }
}
