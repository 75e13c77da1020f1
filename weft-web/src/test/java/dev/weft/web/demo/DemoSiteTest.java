package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.engine.Model;
import dev.weft.web.AppServers;

/** Every page of the bundled demo site over real loopback connections, under every concurrency model. */
class DemoSiteTest {

    private static final AppServers SERVERS = new AppServers(DemoSite.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    @ParameterizedTest @MethodSource("models")
    void homePageSaysWhatWeftIsAndLinksToEveryPage(Model model) throws Exception {
        HttpResponse<String> home = SERVERS.get(model, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("weft is a Java toolkit for network services and concurrency")
                .contains("href=\"/test\"", "href=\"/info\"", "href=\"/hello\"", "href=\"/login\"",
                        "href=\"/register\"", "href=\"/_weft/stats\"");
    }

    @ParameterizedTest @MethodSource("models")
    void indexHtmlIsTheHomePage(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/index.html").body()).isEqualTo(SERVERS.get(model, "/").body());
    }

    @ParameterizedTest @MethodSource("models")
    void testPageIsTheSeedsJson(Model model) throws Exception {
        HttpResponse<String> test = SERVERS.get(model, "/test");
        assertThat(test.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readValue(test.body(), Map.class)).isEqualTo(Map.of("name", "zhangsan", "age", 18));
    }

    @ParameterizedTest @MethodSource("models")
    void infoGreetsTheSeedsDefaultUser(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/info").body())
                .contains("zhangsan, welcome back! You are 18 years old, and your gender is male.");
    }

    @ParameterizedTest @MethodSource("models")
    void infoTakesItsVariablesFromTheQuery(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/info?username=lisi&age=20&gender=female").body())
                .contains("lisi, welcome back! You are 20 years old, and your gender is female.");
    }

    @ParameterizedTest @MethodSource("models")
    void infoEscapesHtmlInTheQuery(Model model) throws Exception {
        String body = SERVERS.get(model, "/info?username=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;, welcome back");
    }

    @ParameterizedTest @MethodSource("models")
    void helloGreetsByName(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/hello").body()).contains("Hello, world!");
        assertThat(SERVERS.get(model, "/hello?name=weft").body()).contains("Hello, weft!");
    }

    @ParameterizedTest @MethodSource("models")
    void loginFormPostsAndShowsTheResult(Model model) throws Exception {
        assertThat(SERVERS.get(model, "/login").body()).contains("<form method=\"post\" action=\"/login\">");
        HttpResponse<String> result = SERVERS.post(model, "/login", "application/x-www-form-urlencoded",
                "username=zhangsan&password=secret");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("Welcome back, zhangsan! You are logged in.");
    }

    @ParameterizedTest @MethodSource("models")
    void loginWithoutPasswordIs400WithTheFormAndAnError(Model model) throws Exception {
        HttpResponse<String> result = SERVERS.post(model, "/login", "application/x-www-form-urlencoded", "username=zhangsan");
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(result.body()).contains("Please give a username and a password.").doesNotContain("Welcome back");
    }

    @ParameterizedTest @MethodSource("models")
    void registerTakesAMultipartFormWithAFile(Model model) throws Exception {
        String boundary = "----weft" + model.spec().replace(':', '-');
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"username\"\r\n\r\nlisi\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"email\"\r\n\r\nlisi@example.com\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n\r\npw\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"avatar\"; filename=\"头像.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + "x".repeat(1000) + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> result = SERVERS.post(model, "/register", "multipart/form-data; boundary=" + boundary, body);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("Registered lisi (lisi@example.com). Avatar 头像.png: 1000 bytes, image/png.");
    }

    @ParameterizedTest @MethodSource("models")
    void unknownPageIsTheStyled404(Model model) throws Exception {
        HttpResponse<String> missing = SERVERS.get(model, "/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(missing.body()).contains("<link rel=\"stylesheet\" href=\"/style.css\">")
                .contains("There is no page at <code>/no/such/page</code>");
    }

    @ParameterizedTest @MethodSource("models")
    void stylesheetIsServedFromTheJar(Model model) throws Exception {
        HttpResponse<String> css = SERVERS.get(model, "/style.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains(".not-found");
    }

    @ParameterizedTest @MethodSource("models")
    void statsAreTheEnginesMetricsAsJson(Model model) throws Exception {
        SERVERS.get(model, "/test");
        JsonNode stats = JSON.readTree(SERVERS.get(model, "/_weft/stats").body());
        assertThat(stats.at("/engine/acceptedTotal").asLong()).isPositive();
        assertThat(stats.at("/engine/openConnections").asLong()).isPositive();
        // under the processes model each worker counts its own requests, and /test may have gone to another
        int earlier = model instanceof Model.Processes ? 0 : 1;
        assertThat(stats.at("/requests").asLong()).isGreaterThanOrEqualTo(1 + earlier);
        assertThat(stats.at("/responses/2xx").asLong()).isGreaterThanOrEqualTo(earlier);
        assertThat(stats.at("/engine/model").asText()).isEqualTo(model instanceof Model.Processes ? "virtual" : model.spec());
    }

    @ParameterizedTest @MethodSource("models")
    void postToAPageThatOnlyGetsIs405(Model model) throws Exception {
        HttpResponse<String> response = SERVERS.send(model, HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString("x")), "/info");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
