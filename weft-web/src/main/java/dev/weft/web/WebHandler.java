package dev.weft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.weft.http.HttpHandler;
import dev.weft.http.HttpProtocolException;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;
import dev.weft.http.PercentDecoding;

/**
 * A built web app as the HTTP server's {@link HttpHandler}: before filters, then the route (or static
 * files, or the not-found page, or a 405 with {@code Allow}), exceptions through the mappers, then after
 * filters on whatever response came out. The seeds' {@code application(environ, start_response)}.
 */
final class WebHandler implements HttpHandler {

    /** What a {@link Web} holds when its handler is built; fixed from then on. */
    record Setup(Router router, List<BeforeFilter> before, List<AfterFilter> after,
                 Map<Class<? extends Exception>, ExceptionMapper<? extends Exception>> mappers,
                 HttpHandler staticFiles, RouteHandler notFound, Templates templates, Uploads uploads,
                 Sessions sessions, Csrf csrf, WebMetrics metrics) {
    }

    private final Setup setup;
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    WebHandler(Setup setup) {
        this.setup = setup;
    }

    @Override
    public HttpResponse handle(HttpRequest http) throws Exception {
        long start = System.nanoTime();
        Request request = new Request(http, setup.templates(), setup.uploads(), setup.sessions());
        requests.increment();
        int status = 500;
        try {
            HttpResponse response = respond(request);
            for (AfterFilter filter : setup.after()) {
                response = filter.after(request, response);
            }
            Session session = request.usedSession();
            if (session != null) {
                response = setup.sessions().commit(request, session, response);
            }
            status = response.status();
            byClass[Math.min(4, Math.max(0, status / 100 - 1))].increment();
            return response;
        } catch (HttpProtocolException e) {
            status = e.status();
            throw e;
        } finally {
            request.release();
            setup.metrics().observe(request.route(), http.method(), status, System.nanoTime() - start);
        }
    }

    private HttpResponse respond(Request request) throws Exception {
        try {
            for (BeforeFilter filter : setup.before()) {
                HttpResponse stop = filter.before(request);
                if (stop != null) {
                    return stop;
                }
            }
            return route(request);
        } catch (HttpProtocolException e) {
            throw e;
        } catch (Exception e) {
            return recover(e, request);
        }
    }

    private HttpResponse route(Request request) throws Exception {
        HttpRequest http = request.http();
        List<String> path = segments(http.rawPath());
        return switch (setup.router().match(http.method(), path)) {
            case Router.Found found -> {
                request.route(found.route().pattern().toString());
                if (setup.csrf() != null) {
                    setup.csrf().check(request, path);
                }
                request.pathParams(found.params());
                yield Response.of(found.route().handler().handle(request));
            }
            case Router.MethodNotAllowed wrong -> Response.status(405)
                    .header("Allow", String.join(", ", wrong.allowed()));
            case Router.NotFound none -> staticOrNotFound(request);
        };
    }

    private HttpResponse staticOrNotFound(Request request) throws Exception {
        String method = request.method();
        if (setup.staticFiles() != null && (method.equals("GET") || method.equals("HEAD"))) {
            HttpResponse file = setup.staticFiles().handle(request.http());
            if (file.status() != 404) {
                request.route(WebMetrics.STATIC);
                return file;
            }
        }
        return notFound(request);
    }

    private HttpResponse notFound(Request request) throws Exception {
        HttpResponse page = Response.of(setup.notFound().handle(request));
        return page.status() == 200 ? page.status(404) : page;
    }

    /** The mapper of the exception's nearest class, else an {@link HttpError}'s own status, else the server's 500. */
    private HttpResponse recover(Exception e, Request request) throws Exception {
        for (Class<?> type = e.getClass(); type != Object.class; type = type.getSuperclass()) {
            ExceptionMapper<? extends Exception> mapper = setup.mappers().get(type);
            if (mapper != null) {
                return map(mapper, e, request);
            }
        }
        if (e instanceof HttpError error) {
            if (error.status() == 404) {
                return notFound(request);
            }
            return HttpResponse.text(error.status(), error.status() + " " + dev.weft.http.HttpStatus.reason(error.status())
                    + ": " + error.getMessage() + "\n");
        }
        throw e;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> HttpResponse map(ExceptionMapper<E> mapper, Exception e, Request request)
            throws Exception {
        return mapper.map((E) e, request);
    }

    /** The decoded segments of a raw path; an escaped slash stays inside its segment. */
    private static List<String> segments(String rawPath) {
        List<String> raw = PathPattern.split(rawPath.isEmpty() ? "/" : rawPath);
        List<String> decoded = new ArrayList<>(raw.size());
        for (String segment : raw) {
            decoded.add(PercentDecoding.decode(segment, false));
        }
        return decoded;
    }

    /** Requests handled so far. */
    long requests() {
        return requests.sum();
    }

    /** Responses sent so far with status 1xx .. 5xx, in that order. */
    long[] responsesByClass() {
        long[] counts = new long[byClass.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = byClass[i].sum();
        }
        return counts;
    }
}
