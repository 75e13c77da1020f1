import java.util.Map;

import dev.weft.web.Get;
import dev.weft.web.Request;
import dev.weft.web.Web;
import dev.weft.web.WebApp;
import dev.weft.web.Weft;

public final class HelloApp implements WebApp {

    @Override
    public void routes(Web web) {
        web.get("/", request -> "<h1>Hello, web!</h1>")                       // a String is HTML
           .get("/users/{id:\\d+}", request -> Map.of("id", request.pathParam("id")))  // anything else is JSON
           .post("/echo", request -> request.form().fields())
           .routes(new Pages());                                                // routes from @Get methods
    }

    public static final class Pages {
        @Get("/info")
        public Map<String, String> info(Request request) {
            return Map.of("username", request.query("username", "zhangsan"));
        }
    }

    public static void main(String[] args) throws Exception {
        Weft.http().routes(new HelloApp()).start(8080).awaitClosed();
    }
}
