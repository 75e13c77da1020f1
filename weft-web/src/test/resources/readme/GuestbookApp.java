import java.util.Map;

import dev.weft.web.Database;
import dev.weft.web.HttpError;
import dev.weft.web.Response;
import dev.weft.web.Web;
import dev.weft.web.WebApp;
import dev.weft.web.Weft;

public final class GuestbookApp implements WebApp {

    @Override
    public void routes(Web web) throws Exception {
        Database db = web.database();         // SQLite in ./weft-data (--data DIR), or --db URL / $WEFT_DB
        db.update("CREATE TABLE IF NOT EXISTS entries (author VARCHAR(32) NOT NULL, text VARCHAR(200) NOT NULL)");
        web.csrf()                            // POST needs the session's token: field _csrf or header X-CSRF-Token
           .get("/", request -> Map.of(
                   "you", request.session().find("name").orElse("nobody"),
                   "csrf", request.session().csrfToken(),
                   "entries", db.query("SELECT author, text FROM entries",
                           row -> row.getString(1) + ": " + row.getString(2))))
           .post("/login", request -> {
               request.session().rotate().put("name", request.form().field("name", "anonymous"));  // new id at login
               return Response.seeOther("/");                                                    // 303 after a POST
           })
           .post("/sign", request -> {
               String name = request.session().find("name").orElseThrow(() -> new HttpError(401, "log in first"));
               db.update("INSERT INTO entries (author, text) VALUES (?, ?)", name, request.form().field("text", ""));
               return Response.seeOther("/");
           })
           .post("/logout", request -> {
               request.session().invalidate();  // deleted from the store; the cookie is cleared
               return Response.seeOther("/");
           });
    }

    public static void main(String[] args) throws Exception {
        Weft.http().routes(new GuestbookApp()).start(8080).awaitClosed();
    }
}
