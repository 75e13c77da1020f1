package dev.weft.web;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import dev.weft.http.HttpResponse;

/** The app the routing tests serve: every routing style, filters, mappers, JSON, forms and static files. */
public final class TestApp implements WebApp {

    /** A JSON body the tests post. */
    public record Order(String item, int quantity) {
    }

    /** Routes declared by annotations, like the seeds' decorator. */
    public static final class Annotated {
        @Get({"/annotated", "/annotated.html"})
        public String page() {
            return "<p>annotated</p>";
        }

        @Post("/annotated")
        public HttpResponse post(Request request) throws Exception {
            return Response.text("posted " + request.bodyText());
        }
    }

    @Override
    public void routes(Web web) {
        try {
            web.staticFiles(Path.of(TestApp.class.getResource("/static").toURI()));
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException("test resources missing", e);
        }
        web.get("/table", request -> Response.text("table"))
                .routes(Map.of("/from-map", request -> "<p>map</p>"))
                .routes(new Annotated())
                .get("/users/{id:\\d+}", request -> Map.of("id", Integer.parseInt(request.pathParam("id"))))
                .get("/users/{name}", request -> Map.of("name", request.pathParam("name")))
                .get("/files/*", request -> Response.text("rest=" + request.pathParam("*")))
                .get("/page.html", request -> "<p>route wins</p>")
                .delete("/users/{id:\\d+}", request -> null)
                .get("/query", request -> Map.of("tags", request.queryAll("tag"), "name", request.query("name", "none")))
                .post("/orders", request -> {
                    Order order = request.json(Order.class);
                    return Response.json(201, new Order(order.item().toUpperCase(), order.quantity() * 2));
                })
                .post("/form", request -> request.form().fields())
                .get("/cookies", request -> request.cookies())
                .get("/conflict", request -> {
                    throw new IllegalStateException("already taken");
                })
                .get("/teapot", request -> {
                    throw new HttpError(418, "short and stout");
                })
                .get("/boom", request -> {
                    throw new UnsupportedOperationException("unmapped");
                })
                .get("/admin/secret", request -> "<p>secret</p>")
                .get("/remote", request -> Map.of("remote", request.remoteAddress().getAddress().getHostAddress()))
                .before(request -> request.path().startsWith("/admin/") && !"let-me-in".equals(request.header("X-Token"))
                        ? Response.status(401) : null)
                .after((request, response) -> response.header("X-Filtered", "yes"))
                .exception(IllegalStateException.class, (e, request) -> Response.json(409, Map.of("error", e.getMessage())))
                .notFound(request -> Response.text("nothing at " + request.path()));
    }
}
