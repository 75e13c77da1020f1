package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.engine.Model;
import dev.weft.web.AppServers;

/** Every page of the bundled demo site over real loopback connections, under every concurrency model, each with its own data folder. */
class DemoSiteTest {

    @TempDir
    static Path data;

    private static AppServers servers;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @BeforeAll
    static void start() {
        servers = new AppServers(DemoSite.class, data);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static Visitor visitor(Model model) throws Exception {
        return new Visitor(servers.port(model));
    }

    @ParameterizedTest @MethodSource("models")
    void homePageSaysWhatWeftIsAndLinksToEveryPage(Model model) throws Exception {
        HttpResponse<String> home = servers.get(model, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("weft is a Java toolkit for network services and concurrency")
                .contains("href=\"/test\"", "href=\"/info\"", "href=\"/hello\"", "href=\"/login\"",
                        "href=\"/register\"", "href=\"/profile\"", "href=\"/_weft/stats\"")
                .contains("You are not logged in.");
    }

    @ParameterizedTest @MethodSource("models")
    void indexHtmlIsTheHomePage(Model model) throws Exception {
        assertThat(servers.get(model, "/index.html").body()).isEqualTo(servers.get(model, "/").body());
    }

    @ParameterizedTest @MethodSource("models")
    void testPageIsTheSeedsJson(Model model) throws Exception {
        HttpResponse<String> test = servers.get(model, "/test");
        assertThat(test.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readValue(test.body(), Map.class)).isEqualTo(Map.of("name", "zhangsan", "age", 18));
    }

    @ParameterizedTest @MethodSource("models")
    void infoGreetsTheSeedsDefaultUser(Model model) throws Exception {
        assertThat(servers.get(model, "/info").body())
                .contains("zhangsan, welcome back! You are 18 years old, and your gender is male.");
    }

    @ParameterizedTest @MethodSource("models")
    void infoTakesItsVariablesFromTheQuery(Model model) throws Exception {
        assertThat(servers.get(model, "/info?username=lisi&age=20&gender=female").body())
                .contains("lisi, welcome back! You are 20 years old, and your gender is female.");
    }

    @ParameterizedTest @MethodSource("models")
    void infoEscapesHtmlInTheQuery(Model model) throws Exception {
        String body = servers.get(model, "/info?username=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;, welcome back");
    }

    @ParameterizedTest @MethodSource("models")
    void helloGreetsByName(Model model) throws Exception {
        assertThat(servers.get(model, "/hello").body()).contains("Hello, world!");
        assertThat(servers.get(model, "/hello?name=weft").body()).contains("Hello, weft!");
    }

    @ParameterizedTest @MethodSource("models")
    void registeringLogsInAndRedirectsToTheProfileReadFromTheDatabase(Model model) throws Exception {
        Visitor visitor = visitor(model);
        HttpResponse<String> registered = visitor.register("lisi", "lisi@example.com", "correct horse", Images.png(), "头像.png");
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(registered.headers().firstValue("Location")).hasValue("/profile");
        String profile = visitor.get("/profile").body();
        assertThat(profile).contains("Welcome, lisi! Your account is ready.")
                .contains("lisi, welcome back! You are of an age you have not told, and your gender is not told.")
                .contains("Email: lisi@example.com").contains("<img class=\"avatar\"");
        assertThat(visitor.get("/").body()).contains("You are logged in as <strong>lisi</strong>");
    }

    @ParameterizedTest @MethodSource("models")
    void flashMessageShowsOnce(Model model) throws Exception {
        Visitor visitor = visitor(model);
        visitor.register("wangwu", "wangwu@example.com", "correct horse", null, null);
        assertThat(visitor.get("/profile").body()).contains("Your account is ready.");
        assertThat(visitor.get("/profile").body()).doesNotContain("Your account is ready.");
    }

    @ParameterizedTest @MethodSource("models")
    void avatarIsServedBackWithItsTypeFromItsBytes(Model model) throws Exception {
        Visitor visitor = visitor(model);
        byte[] gif = Images.gif();
        visitor.register("zhaoliu", "zhaoliu@example.com", "correct horse", gif, "picture.png");
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("src=\"(/avatars/[^\"]+)\"").matcher(visitor.get("/profile").body());
        assertThat(src.find()).isTrue();
        assertThat(src.group(1)).endsWith(".gif");
        HttpResponse<byte[]> image = visitor.getBytes(src.group(1));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(image.body()).isEqualTo(gif);
    }

    @ParameterizedTest @MethodSource("models")
    void aFileThatIsNotAnImageIsRefusedWhateverItsName(Model model) throws Exception {
        HttpResponse<String> refused = visitor(model).register("fake", "fake@example.com", "correct horse",
                "<html>not an image</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "avatar.png");
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("must be a PNG, JPEG, GIF or WebP image");
        assertThat(visitor(model).logIn("fake", "correct horse").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest @MethodSource("models")
    void anAvatarOverTwoMebibytesIsRefusedAndNothingIsKept(Model model) throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(Images.png(), 0, big, 0, 8);
        HttpResponse<String> refused = visitor(model).register("bigpic", "bigpic@example.com", "correct horse", big, "big.png");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("at most 2 MiB");
        java.nio.file.Path avatars = servers.dataDir(model).resolve("avatars");
        if (java.nio.file.Files.isDirectory(avatars)) {
            try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(avatars)) {
                assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("upload"));
            }
        }
    }

    @ParameterizedTest @MethodSource("models")
    void profileWithoutASessionRedirectsToLogin(Model model) throws Exception {
        HttpResponse<String> profile = visitor(model).get("/profile");
        assertThat(profile.statusCode()).isEqualTo(303);
        assertThat(profile.headers().firstValue("Location")).hasValue("/login");
    }

    @ParameterizedTest @MethodSource("models")
    void aPostWithoutTheCsrfTokenIsRefusedWith403(Model model) throws Exception {
        Visitor visitor = visitor(model);
        visitor.get("/login");
        HttpResponse<String> refused = visitor.post("/login", Map.of("username", "zhangsan", "password", "whatever1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("403").contains("security token");
        HttpResponse<String> forged = visitor.post("/login", Map.of("username", "zhangsan", "password", "whatever1",
                "_csrf", "forged-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest @MethodSource("models")
    void aStolenCookieIsDeadAfterLogout(Model model) throws Exception {
        Visitor victim = visitor(model);
        victim.register("victim", "victim@example.com", "correct horse", null, null);
        Visitor thief = visitor(model);
        thief.cookies.putAll(victim.cookies);
        assertThat(thief.get("/profile").statusCode()).isEqualTo(200);
        assertThat(victim.logOut().statusCode()).isEqualTo(303);
        assertThat(thief.get("/profile").statusCode()).isEqualTo(303);
        assertThat(victim.get("/profile").statusCode()).isEqualTo(303);
    }

    @ParameterizedTest @MethodSource("models")
    void loginRotatesTheSessionId(Model model) throws Exception {
        Visitor visitor = visitor(model);
        visitor.register("rotor", "rotor@example.com", "correct horse", null, null);
        visitor.logOut();
        visitor.get("/login");
        String before = visitor.cookies.get("weft_session");
        Visitor planted = visitor(model);
        planted.cookies.put("weft_session", before);
        assertThat(visitor.logIn("rotor", "correct horse").statusCode()).isEqualTo(303);
        assertThat(visitor.cookies.get("weft_session")).isNotEqualTo(before);
        assertThat(planted.get("/profile").statusCode()).isEqualTo(303);
    }

    @ParameterizedTest @MethodSource("models")
    void sqlAndScriptLookingInputIsStoredAndShownAsText(Model model) throws Exception {
        Visitor visitor = visitor(model);
        String name = "x'); DROP TABLE demo_users;--";
        assertThat(visitor.register(name, "o'brien@example.com", "' OR '1'='1", null, null).statusCode()).isEqualTo(303);
        HttpResponse<String> saved = visitor.submit("/profile", "/profile", Map.of("age", "30", "gender", "<script>alert(1)</script>"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String profile = visitor.get("/profile").body();
        assertThat(profile).contains("x&#39;); DROP TABLE demo_users;--, welcome back! You are 30 years old, "
                + "and your gender is &lt;script&gt;alert(1)&lt;/script&gt;.").doesNotContain("<script>alert(1)");
        assertThat(visitor.logOut().statusCode()).isEqualTo(303);
        assertThat(visitor.logIn(name, "' OR '1'='1").statusCode()).isEqualTo(303);
        assertThat(visitor(model).logIn(name, "' OR ''='").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest @MethodSource("models")
    void profileEditsAreValidated(Model model) throws Exception {
        Visitor visitor = visitor(model);
        visitor.register("editor", "editor@example.com", "correct horse", null, null);
        HttpResponse<String> bad = visitor.submit("/profile", "/profile", Map.of("age", "two hundred", "gender", "female"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Age must be a whole number from 0 to 150.");
    }

    @ParameterizedTest @MethodSource("models")
    void wrongPasswordAndUnknownUserGetTheSameGenericMessage(Model model) throws Exception {
        Visitor visitor = visitor(model);
        visitor.register("known", "known@example.com", "correct horse", null, null);
        HttpResponse<String> wrong = visitor(model).logIn("known", "wrong password");
        HttpResponse<String> unknown = visitor(model).logIn("nobody-at-all", "wrong password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong username or password.");
        assertThat(unknown.body()).contains("Wrong username or password.");
    }

    @ParameterizedTest @MethodSource("models")
    void registrationIsValidated(Model model) throws Exception {
        Visitor visitor = visitor(model);
        assertThat(visitor.register("ab", "ab@example.com", "correct horse", null, null).body())
                .contains("The username must be 3 to 32 characters.");
        assertThat(visitor.register("abc", "not-an-email", "correct horse", null, null).body())
                .contains("Please give a valid email address");
        HttpResponse<String> shortPassword = visitor.register("abc", "abc@example.com", "short", null, null);
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("The password must be at least 8 characters.");
    }

    @ParameterizedTest @MethodSource("models")
    void unknownPageIsTheStyled404(Model model) throws Exception {
        HttpResponse<String> missing = servers.get(model, "/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(missing.body()).contains("<link rel=\"stylesheet\" href=\"/style.css\">")
                .contains("There is no page at <code>/no/such/page</code>");
    }

    @ParameterizedTest @MethodSource("models")
    void stylesheetIsServedFromTheJar(Model model) throws Exception {
        HttpResponse<String> css = servers.get(model, "/style.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains(".not-found");
    }

    @ParameterizedTest @MethodSource("models")
    void statsAreTheEnginesMetricsAsJson(Model model) throws Exception {
        servers.get(model, "/test");
        JsonNode stats = JSON.readTree(servers.get(model, "/_weft/stats").body());
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
        HttpResponse<String> response = servers.send(model, HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString("x")), "/info");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
