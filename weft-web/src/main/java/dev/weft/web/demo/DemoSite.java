package dev.weft.web.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import dev.weft.http.HttpResponse;
import dev.weft.web.Form;
import dev.weft.web.HttpError;
import dev.weft.web.Request;
import dev.weft.web.RouteHandler;
import dev.weft.web.Templates;
import dev.weft.web.UploadedFile;
import dev.weft.web.Web;
import dev.weft.web.WebApp;

/**
 * The site {@code ./weft serve} shows with no arguments: seed 004's web app made real. Its pages use
 * each way weft routes: the fluent table (most pages), a map from path to handler (the seeds' urls dict,
 * for {@code /} and {@code /index.html}), and annotated methods ({@link Forms}, the seeds' decorator).
 */
public final class DemoSite implements WebApp {

    static final String RESOURCES = "dev/weft/web/demo/";

    /** The seed's {@code /test} answer. */
    public record Person(String name, int age) {
    }

    @Override
    public void routes(Web web) {
        RouteHandler home = request -> request.render("index", page("Home",
                "model", web.stats().map(stats -> stats.engine().model()).orElse("in-process")));
        web.templates(Templates.classpath(RESOURCES + "templates", DemoSite.class.getClassLoader()))
                .routes(Map.<String, RouteHandler>of("/", home, "/index.html", home))
                .get("/test", request -> new Person("zhangsan", 18))
                .get("/info", this::info)
                .get("/hello", request -> request.render("hello", page("Hello", "name", request.query("name", "world"))))
                .get("/style.css", request -> stylesheet())
                .get("/_weft/stats", request -> web.stats()
                        .orElseThrow(() -> new HttpError(503, "the demo site is not running on a server")))
                .routes(new Forms())
                .notFound(request -> request.render("404", page("Not found", "path", request.path())))
                .after((request, response) -> response.header("X-Content-Type-Options", "nosniff"));
    }

    /** The seed's {@code info.html}: username, age and gender from the query, defaulting to the seed's values. */
    private HttpResponse info(Request request) {
        return request.render("info", page("Info",
                "username", request.query("username", "zhangsan"),
                "age", request.query("age", "18"),
                "gender", request.query("gender", "male")));
    }

    private static HttpResponse stylesheet() throws IOException {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(RESOURCES + "style.css")) {
            if (in == null) {
                throw new HttpError(404, "style.css is missing from the jar");
            }
            return HttpResponse.ok().header("Content-Type", "text/css; charset=utf-8")
                    .header("Cache-Control", "max-age=3600").body(in.readAllBytes());
        }
    }

    /** A template context: the page title and alternating names and values. */
    static Map<String, Object> page(String title, Object... namesAndValues) {
        Map<String, Object> context = new HashMap<>();
        context.put("title", title);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            context.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return context;
    }

    /** The login and register forms, routed by annotations like the seeds' {@code @route}. */
    public static final class Forms {

        @dev.weft.web.Get("/login")
        public HttpResponse loginForm(Request request) {
            return request.render("login", page("Log in", "username", "", "error", null, "welcome", null));
        }

        @dev.weft.web.Post("/login")
        public HttpResponse login(Request request) throws IOException {
            Form form = request.form();
            String username = form.field("username", "").trim();
            if (username.isEmpty() || form.field("password", "").isEmpty()) {
                return request.render("login", page("Log in", "username", username,
                        "error", "Please give a username and a password.", "welcome", null)).status(400);
            }
            return request.render("login", page("Log in", "username", username, "error", null, "welcome", username));
        }

        @dev.weft.web.Get("/register")
        public HttpResponse registerForm(Request request) {
            return request.render("register", page("Register", "username", "", "email", "",
                    "error", null, "registered", null, "avatar", null));
        }

        @dev.weft.web.Post("/register")
        public HttpResponse register(Request request) throws IOException {
            Form form = request.form();
            String username = form.field("username", "").trim();
            String email = form.field("email", "").trim();
            Map<String, Object> context = page("Register", "username", username, "email", email,
                    "error", null, "registered", null, "avatar", null);
            if (username.isEmpty() || email.isEmpty() || form.field("password", "").isEmpty()) {
                context.put("error", "Please fill in username, email and password.");
                return request.render("register", context).status(400);
            }
            context.put("registered", username);
            UploadedFile avatar = form.file("avatar");
            if (avatar != null) {
                context.put("avatar", avatar.fileName());
                context.put("avatarSize", avatar.size());
                context.put("avatarType", avatar.contentType());
            }
            return request.render("register", context);
        }
    }
}
