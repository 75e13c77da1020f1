package dev.weft.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;

/**
 * A request as a web handler sees it: the server's {@link HttpRequest} plus what routing found (path
 * parameters) and what the app parses on demand: cookies, forms with file uploads, JSON bodies, and
 * templates to render. The seeds' WSGI {@code environ} dict, typed.
 */
public final class Request {

    private static final Logger LOG = LoggerFactory.getLogger(Request.class);

    private final HttpRequest http;
    private final Templates templates;
    private final Uploads uploads;
    private final Sessions sessions;
    private final List<UploadedFile> tempFiles = new ArrayList<>();
    private Session session;
    private boolean sessionLookedUp;
    private Map<String, String> pathParams = Map.of();
    private String route = WebMetrics.UNMATCHED;
    private Map<String, String> cookies;
    private Form form;

    Request(HttpRequest http, Templates templates, Uploads uploads, Sessions sessions) {
        this.http = http;
        this.templates = templates;
        this.uploads = uploads;
        this.sessions = sessions;
    }

    /** The server's view of this request (raw target, version, body length ...). */
    public HttpRequest http() {
        return http;
    }

    public String method() {
        return http.method();
    }

    /** The percent-decoded path, e.g. {@code /users/42}. */
    public String path() {
        return http.path();
    }

    /**
     * A path parameter the route's pattern bound, decoded: {@code id} for {@code /users/{id}},
     * {@code *} for a trailing wildcard.
     *
     * @throws IllegalArgumentException when the route has no such parameter
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter '" + name + "', only " + pathParams.keySet());
        }
        return value;
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Collections.unmodifiableMap(params);
    }

    /** The template of the route that answered ({@code /users/{id}}), {@code static}, or {@code unmatched}: the metrics' label. */
    String route() {
        return route;
    }

    void route(String template) {
        this.route = template;
    }

    /** The first value of query parameter {@code name}, or null. */
    public String query(String name) {
        return http.queryParameter(name);
    }

    /** The first value of query parameter {@code name}, or {@code fallback} when it is missing or blank. */
    public String query(String name, String fallback) {
        String value = query(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Every value of query parameter {@code name} in order ({@code ?tag=a&tag=b}). */
    public List<String> queryAll(String name) {
        return http.queryParameters().getOrDefault(name, List.of());
    }

    public Map<String, List<String>> queryParams() {
        return http.queryParameters();
    }

    public String header(String name) {
        return http.header(name);
    }

    public HttpHeaders headers() {
        return http.headers();
    }

    /** The value of cookie {@code name} from the Cookie header, or null. */
    public String cookie(String name) {
        return cookies().get(name);
    }

    /** The request's cookies, read leniently: a malformed field is skipped, the others kept. */
    public Map<String, String> cookies() {
        if (cookies == null) {
            cookies = Cookie.parse(http.headers().all("Cookie"));
        }
        return cookies;
    }

    /**
     * This visitor's session, started now when the request has none (the cookie is set when the response goes
     * out). Values put in it are saved after the handler returns.
     */
    public Session session() throws Exception {
        Session found = existingSession().orElse(null);
        if (found == null) {
            found = sessions.create();
            session = found;
        }
        return found;
    }

    /** The session the request's cookie names, if it is live; never starts one. */
    public java.util.Optional<Session> existingSession() throws Exception {
        if (!sessionLookedUp) {
            sessionLookedUp = true;
            session = sessions.find(this).orElse(null);
        }
        return java.util.Optional.ofNullable(session);
    }

    /** Keeps {@code message} in the session for the next page it renders (shown once): pair it with a 303. */
    public Request flash(String message) throws Exception {
        session().flash(message);
        return this;
    }

    /** The session this request used, for saving; null when the handler never asked for one. */
    Session usedSession() {
        return session;
    }

    /** The body as a stream, for bodies too large to hold. */
    public InputStream body() {
        return http.body();
    }

    public byte[] bodyBytes() throws IOException {
        return http.bodyBytes();
    }

    public String bodyText() throws IOException {
        return http.bodyText();
    }

    /**
     * The JSON body bound to {@code type} (a record, bean, Map ...).
     *
     * @throws HttpError 400 when the body is not JSON of that shape
     */
    public <T> T json(Class<T> type) {
        return Json.read(http.body(), type);
    }

    /**
     * The posted form, read from the body on first call: url-encoded or multipart (file parts past the
     * app's in-memory threshold are streamed to temporary files, deleted when the request ends).
     * A request without a Content-Type has an empty form.
     *
     * @throws HttpError 415 for another Content-Type, 400 for a malformed multipart body, 413 for a huge field
     */
    public Form form() throws IOException {
        if (form == null) {
            form = new FormReader(uploads, tempFiles).read(http.header("Content-Type"), http.body());
            form.files().values().forEach(tempFiles::addAll);
        }
        return form;
    }

    /** The first value of form field {@code name}, or null. */
    public String formField(String name) throws IOException {
        return form().field(name);
    }

    /** The client's address, or null for an in-process request. */
    public InetSocketAddress remoteAddress() {
        return http.remoteAddress();
    }

    /**
     * Renders template {@code name} with {@code context} as a 200 HTML response.
     *
     * @throws IllegalStateException when the app has no templates configured
     */
    public HttpResponse render(String name, Object context) {
        if (templates == null) {
            throw new IllegalStateException("no templates configured: call Web.templates(...) before rendering '" + name + "'");
        }
        return HttpResponse.html(200, templates.render(name, context, helpers()));
    }

    /**
     * What every template sees besides its own context: {@code {{{csrf}}}}, the hidden form field with the
     * session's CSRF token (the session starts when a template uses it), {@code {{csrfToken}}} alone, and
     * {@code {{#flashes}}...{{/flashes}}}, the session's flash messages, taken so each shows once.
     */
    private Map<String, Object> helpers() {
        List<String> flashes;
        try {
            flashes = existingSession().map(Session::takeFlashes).orElse(List.of());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the session for its flash messages: " + e.getMessage(), e);
        }
        Object token = new Object() {
            @Override
            public String toString() {
                try {
                    return session().csrfToken();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start a session for the CSRF token: " + e.getMessage(), e);
                }
            }
        };
        Object field = new Object() {
            @Override
            public String toString() {
                return "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + token + "\">";
            }
        };
        return Map.of("csrf", field, "csrfToken", token, "flashes", flashes);
    }

    /** Deletes the temporary files this request's uploads created. */
    void release() {
        for (UploadedFile file : tempFiles) {
            try {
                file.delete();
            } catch (IOException e) {
                LOG.warn("cannot delete upload temp file of {}: {}", file, e.toString());
            }
        }
        tempFiles.clear();
    }

    @Override
    public String toString() {
        return http.toString();
    }
}
