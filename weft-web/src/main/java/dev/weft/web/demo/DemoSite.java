package dev.weft.web.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.weft.http.HttpResponse;
import dev.weft.web.Database;
import dev.weft.web.Form;
import dev.weft.web.HttpError;
import dev.weft.web.Passwords;
import dev.weft.web.Request;
import dev.weft.web.Response;
import dev.weft.web.RouteHandler;
import dev.weft.web.Session;
import dev.weft.web.Templates;
import dev.weft.web.UploadedFile;
import dev.weft.web.Web;
import dev.weft.web.WebApp;

/**
 * The site {@code ./weft serve} shows with no arguments: seed 004's web app made real. Accounts live in the
 * app's database (SQLite under the data folder, or {@code --db}), visitors in sessions, every form carries its
 * CSRF token, and every post answers with a 303 and a flash message. Its pages use each way weft routes: the
 * fluent table (most pages), a map from path to handler (the seeds' urls dict, for {@code /} and
 * {@code /index.html}), and annotated methods ({@link Forms}, the seeds' decorator).
 */
public final class DemoSite implements WebApp {

    static final String RESOURCES = "dev/weft/web/demo/";
    static final String MIGRATIONS = RESOURCES + "db/migration";
    static final String USER_ID = "userId";
    static final String USERNAME = "username";

    /** The seed's {@code /test} answer. */
    public record Person(String name, int age) {
    }

    @Override
    public void routes(Web web) {
        Database database = web.database().migrate(MIGRATIONS, "demo_schema_history", DemoSite.class.getClassLoader());
        Accounts accounts = new Accounts(database, Passwords.owasp());
        Avatars avatars = new Avatars(web.dataDir().resolve("avatars"));
        LoginAttempts attempts = new LoginAttempts(database, Clock.systemUTC());
        RouteHandler home = request -> request.render("index", page(request, "Home",
                "model", web.stats().map(stats -> stats.engine().model()).orElse("in-process")));
        web.templates(Templates.classpath(RESOURCES + "templates", DemoSite.class.getClassLoader()))
                .csrf()
                .monitoring()
                .routes(Map.<String, RouteHandler>of("/", home, "/index.html", home))
                .get("/test", request -> new Person("zhangsan", 18))
                .get("/info", DemoSite::info)
                .get("/hello", request -> request.render("hello", page(request, "Hello", "name", request.query("name", "world"))))
                .get("/style.css", request -> stylesheet())
                .get("/avatars/{name}", request -> avatar(avatars, request.pathParam("name")))
                .get("/_weft/stats", request -> web.stats()
                        .orElseThrow(() -> new HttpError(503, "the demo site is not running on a server")))
                .routes(new Forms(accounts, avatars, attempts))
                .notFound(request -> request.render("404", page(request, "Not found", "path", request.path())))
                .exception(HttpError.class, (error, request) -> request.render("error", page(request,
                        error.status() + " " + dev.weft.http.HttpStatus.reason(error.status()),
                        "status", error.status(), "reason", dev.weft.http.HttpStatus.reason(error.status()),
                        "message", error.getMessage())).status(error.status()))
                .after((request, response) -> response.header("X-Content-Type-Options", "nosniff"));
    }

    /** The seed's {@code info.html}: username, age and gender from the query, defaulting to the seed's values. */
    private static HttpResponse info(Request request) throws Exception {
        return request.render("info", page(request, "Info",
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

    private static HttpResponse avatar(Avatars avatars, String name) {
        java.nio.file.Path file = avatars.file(name);
        if (!Files.isRegularFile(file)) {
            throw new HttpError(404, "no avatar " + name);
        }
        return HttpResponse.ok().header("Content-Type", Avatars.contentType(name))
                .header("Cache-Control", "private, max-age=86400").file(file);
    }

    /**
     * A template context: the page title, who is logged in ({@code user}, from the session, which is not started
     * for it), and alternating names and values.
     */
    static Map<String, Object> page(Request request, String title, Object... namesAndValues) throws Exception {
        Map<String, Object> context = new HashMap<>();
        context.put("title", title);
        context.put("user", request.existingSession().map(session -> session.get(USERNAME)).orElse(null));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            context.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return context;
    }

    /** The account pages, routed by annotations like the seeds' {@code @route}. */
    public static final class Forms {

        private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

        private final Accounts accounts;
        private final Avatars avatars;
        private final LoginAttempts attempts;

        Forms(Accounts accounts, Avatars avatars, LoginAttempts attempts) {
            this.accounts = accounts;
            this.avatars = avatars;
            this.attempts = attempts;
        }

        @dev.weft.web.Get("/login")
        public HttpResponse loginForm(Request request) throws Exception {
            return request.render("login", page(request, "Log in", "username", "", "error", null,
                    "loggedOut", request.query("out") != null));
        }

        @dev.weft.web.Post("/login")
        public HttpResponse login(Request request) throws Exception {
            Form form = request.form();
            String username = form.field("username", "").trim();
            String password = form.field("password", "");
            if (username.isEmpty() || password.isEmpty()) {
                return request.render("login", page(request, "Log in", "username", username,
                        "error", "Please give a username and a password.")).status(400);
            }
            String address = request.remoteAddress() == null ? "local" : request.remoteAddress().getAddress().getHostAddress();
            OptionalLong wait = attempts.retryAfter(username, address);
            if (wait.isPresent()) {
                return request.render("login", page(request, "Log in", "username", username,
                        "error", "Too many failed logins. Try again in " + wait.getAsLong() + " seconds."))
                        .status(429).header("Retry-After", Long.toString(wait.getAsLong()));
            }
            Optional<Accounts.Account> account = accounts.authenticate(username, password);
            if (account.isEmpty()) {
                attempts.failed(username, address);
                return request.render("login", page(request, "Log in", "username", username,
                        "error", "Wrong username or password.")).status(401);
            }
            attempts.succeeded(username);
            logIn(request, account.get());
            request.flash("Welcome back, " + account.get().username() + "!");
            return Response.seeOther("/profile");
        }

        @dev.weft.web.Post("/logout")
        public HttpResponse logout(Request request) throws Exception {
            request.existingSession().ifPresent(Session::invalidate);
            return Response.seeOther("/login?out");
        }

        @dev.weft.web.Get("/register")
        public HttpResponse registerForm(Request request) throws Exception {
            return request.render("register", page(request, "Register", "username", "", "email", "", "error", null));
        }

        @dev.weft.web.Post("/register")
        public HttpResponse register(Request request) throws Exception {
            Form form = request.form();
            String username = form.field("username", "").trim();
            String email = form.field("email", "").trim();
            String password = form.field("password", "");
            String problem = problem(username, email, password);
            if (problem != null) {
                return registerAgain(request, username, email, problem, 400);
            }
            String avatar = null;
            UploadedFile upload = form.file("avatar");
            if (upload != null) {
                try {
                    avatar = avatars.save(upload);
                } catch (Avatars.Rejected e) {
                    return registerAgain(request, username, email, e.getMessage(), upload.size() > Avatars.MAX_BYTES ? 413 : 415);
                }
            }
            return switch (accounts.register(username, email, password, avatar)) {
                case Accounts.Registered registered -> {
                    logIn(request, registered.account());
                    request.flash("Welcome, " + username + "! Your account is ready.");
                    yield Response.seeOther("/profile");
                }
                case Accounts.NameTaken taken -> {
                    avatars.delete(avatar);
                    yield registerAgain(request, username, email, "Sorry, that name is taken.", 409);
                }
                case Accounts.EmailTaken taken -> {
                    avatars.delete(avatar);
                    yield registerAgain(request, username, email, "That email address already has an account.", 409);
                }
            };
        }

        @dev.weft.web.Get("/profile")
        public HttpResponse profile(Request request) throws Exception {
            Optional<Accounts.Account> account = current(request);
            if (account.isEmpty()) {
                return Response.seeOther("/login");
            }
            return request.render("profile", page(request, "Profile", "account", account.get(), "error", null));
        }

        @dev.weft.web.Post("/profile")
        public HttpResponse editProfile(Request request) throws Exception {
            Optional<Accounts.Account> account = current(request);
            if (account.isEmpty()) {
                return Response.seeOther("/login");
            }
            Form form = request.form();
            String ageText = form.field("age", "").trim();
            String gender = form.field("gender", "").trim();
            Integer age = null;
            if (!ageText.isEmpty()) {
                try {
                    age = Integer.valueOf(ageText);
                } catch (NumberFormatException e) {
                    age = -1;
                }
                if (age < 0 || age > 150) {
                    return request.render("profile", page(request, "Profile", "account", account.get(),
                            "error", "Age must be a whole number from 0 to 150.")).status(400);
                }
            }
            if (gender.codePointCount(0, gender.length()) > 32) {
                return request.render("profile", page(request, "Profile", "account", account.get(),
                        "error", "Gender can be at most 32 characters.")).status(400);
            }
            accounts.updateProfile(account.get().id(), age, gender.isEmpty() ? null : gender);
            request.flash("Profile saved.");
            return Response.seeOther("/profile");
        }

        private Optional<Accounts.Account> current(Request request) throws Exception {
            Optional<String> id = request.existingSession().flatMap(session -> session.find(USER_ID));
            return id.isEmpty() ? Optional.empty() : accounts.byId(id.get());
        }

        /** A new session id for the logged-in visitor: one planted before login is now worthless. */
        private static void logIn(Request request, Accounts.Account account) throws Exception {
            request.session().rotate().put(USER_ID, account.id()).put(USERNAME, account.username());
        }

        private static HttpResponse registerAgain(Request request, String username, String email, String error, int status)
                throws Exception {
            return request.render("register", page(request, "Register", "username", username, "email", email,
                    "error", error)).status(status);
        }

        private static String problem(String username, String email, String password) {
            int length = username.codePointCount(0, username.length());
            if (length < 3 || length > 32) {
                return "The username must be 3 to 32 characters.";
            }
            if (username.chars().anyMatch(Character::isISOControl)) {
                return "The username cannot contain control characters.";
            }
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                return "Please give a valid email address, like name@example.com.";
            }
            if (password.codePointCount(0, password.length()) < 8) {
                return "The password must be at least 8 characters.";
            }
            if (password.length() > 1024) {
                return "The password can be at most 1024 characters.";
            }
            return null;
        }

    }
}
