package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.engine.Model;

/** Routing over real loopback connections under every concurrency model, against {@link TestApp}. */
class RoutingTest {

    private static final AppServers SERVERS = new AppServers(TestApp.class);

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    @ParameterizedTest @MethodSource("models")
    void fluentTableRouteAnswers(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/table");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("table");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @ParameterizedTest @MethodSource("models")
    void mapOfPathToHandlerRoutesLikeTheSeedsUrlsDict(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/from-map");
        assertThat(response.body()).isEqualTo("<p>map</p>");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @ParameterizedTest @MethodSource("models")
    void annotatedMethodsRouteEveryPathTheyName(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/annotated").body()).isEqualTo("<p>annotated</p>");
        assertThat(SERVERS.get(model, "/annotated.html").body()).isEqualTo("<p>annotated</p>");
        assertThat(SERVERS.post(model, "/annotated", "text/plain", "hi").body()).isEqualTo("posted hi");
    }

    @ParameterizedTest @MethodSource("models")
    void pathParameterWithConstraintIsDecodedAndTyped(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/users/42").body()).isEqualTo("{\"id\":42}");
    }

    @ParameterizedTest @MethodSource("models")
    void pathFailingAConstraintFallsToTheNextPattern(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/users/li%20si").body()).isEqualTo("{\"name\":\"li si\"}");
    }

    @ParameterizedTest @MethodSource("models")
    void trailingWildcardBindsTheRestOfThePath(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/files/a/b/c.txt").body()).isEqualTo("rest=a/b/c.txt");
    }

    @ParameterizedTest @MethodSource("models")
    void wrongMethodOnAKnownPathIs405WithAllow(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.send(model, HttpRequest.newBuilder()
                .PUT(HttpRequest.BodyPublishers.ofString("x")), "/users/7");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, DELETE");
    }

    @ParameterizedTest @MethodSource("models")
    void unknownPathIs404FromTheAppsNotFoundHandler(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("nothing at /no/such/thing");
    }

    @ParameterizedTest @MethodSource("models")
    void headIsAnsweredByTheGetRouteWithoutABody(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.send(model, HttpRequest.newBuilder()
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), "/table");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("5");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest @MethodSource("models")
    void deleteRouteReturningNothingIs204(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.send(model, HttpRequest.newBuilder().DELETE(), "/users/7");
        assertThat(response.statusCode()).isEqualTo(204);
    }

    @ParameterizedTest @MethodSource("models")
    void queryParametersKeepEveryValue(Model model) throws Exception {
        String body = SERVERS.get(model, "/query?tag=a&tag=b+c&name=%E5%BC%A0%E4%B8%89").body();
        assertThat(new ObjectMapper().readValue(body, Map.class))
                .isEqualTo(Map.of("tags", List.of("a", "b c"), "name", "张三"));
    }

    @ParameterizedTest @MethodSource("models")
    void beforeFilterStopsARequestWithItsResponse(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/admin/secret").statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = SERVERS.send(model, HttpRequest.newBuilder().GET()
                .header("X-Token", "let-me-in"), "/admin/secret");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("<p>secret</p>");
    }

    @ParameterizedTest @MethodSource("models")
    void afterFilterSeesEveryResponseIncluding404(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/table").headers().firstValue("X-Filtered")).hasValue("yes");
        assertThat(SERVERS.get(model, "/nothing").headers().firstValue("X-Filtered")).hasValue("yes");
    }

    @ParameterizedTest @MethodSource("models")
    void exceptionMapperTurnsAnExceptionIntoItsResponse(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/conflict");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"error\":\"already taken\"}");
    }

    @ParameterizedTest @MethodSource("models")
    void httpErrorAnswersWithItsStatusAndMessage(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/teapot");
        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).contains("short and stout");
    }

    @ParameterizedTest @MethodSource("models")
    void unmappedExceptionIsTheServers500WithoutDetails(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.get(model, "/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("unmapped");
    }

    @ParameterizedTest @MethodSource("models")
    void staticFilesServeWhereNoRouteMatches(Model model) throws Exception {
        HttpResponse<String> css = SERVERS.get(model, "/css/site.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body { color: red; }\n");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(SERVERS.get(model, "/").body()).isEqualTo("<h1>static index</h1>\n");
    }

    @ParameterizedTest @MethodSource("models")
    void routeWinsOverAStaticFileOfTheSamePath(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/page.html").body()).isEqualTo("<p>route wins</p>");
    }

    @ParameterizedTest @MethodSource("models")
    void jsonBodyBindsToARecordAndTheAnswerIsJson(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.post(model, "/orders", "application/json",
                "{\"item\":\"tea\",\"quantity\":3}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"item\":\"TEA\",\"quantity\":6}");
    }

    @ParameterizedTest @MethodSource("models")
    void malformedJsonBodyIs400NamingTheType(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.post(model, "/orders", "application/json", "{\"item\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not JSON for Order");
    }

    @ParameterizedTest @MethodSource("models")
    void urlEncodedFormFieldsAreDecoded(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.post(model, "/form", "application/x-www-form-urlencoded",
                "username=li+si&hobby=go&hobby=chess&note=a%26b");
        assertThat(response.body()).isEqualTo("{\"username\":[\"li si\"],\"hobby\":[\"go\",\"chess\"],\"note\":[\"a&b\"]}");
    }

    @ParameterizedTest @MethodSource("models")
    void cookiesAreParsedFromTheCookieHeader(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.send(model, HttpRequest.newBuilder().GET()
                .header("Cookie", "session=abc123; theme=\"dark\""), "/cookies");
        assertThat(response.body()).isEqualTo("{\"session\":\"abc123\",\"theme\":\"dark\"}");
    }

    @ParameterizedTest @MethodSource("models")
    void remoteAddressIsTheLoopbackClient(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/remote").body()).isEqualTo("{\"remote\":\"127.0.0.1\"}");
    }
}
