package dev.weft.web.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like visitor of a site over raw HTTP: keeps the cookies it is given (by name, no expiry logic
 * beyond deletion), sends them back, and posts forms with the CSRF token of the page it last read. Its own
 * HTTP client, so {@link #close()} closes its connections (a pool model's thread is not kept waiting on them).
 */
public final class Visitor implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public Visitor(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(30));
        withCookies(request);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The CSRF token in the form of the page at {@code path}. */
    public String token(String path) throws Exception {
        String page = get(path).body();
        Matcher token = TOKEN.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no CSRF field on " + path + ":\n" + page);
        }
        return token.group(1);
    }

    /** Posts url-encoded {@code fields} to {@code path} with the token from the form page {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token(formPage));
        return post(path, all);
    }

    /** Posts url-encoded {@code fields} as they are (no token added). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Registers through the multipart form, with an avatar when {@code avatar} is not null. */
    public HttpResponse<String> register(String username, String email, String password, byte[] avatar, String avatarName)
            throws Exception {
        String token = token("/register");
        Multipart form = new Multipart().field("_csrf", token).field("username", username).field("email", email)
                .field("password", password);
        if (avatar != null) {
            form.file("avatar", avatarName, "application/octet-stream", avatar);
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/register")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    public HttpResponse<String> logIn(String username, String password) throws Exception {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> logOut() throws Exception {
        return submit("/", "/logout", Map.of());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        withCookies(request);
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    @Override
    public void close() {
        client.close();
    }

    private void withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "----weft-test-" + Long.toHexString(System.nanoTime());
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
