package dev.weft.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery protection, when the app turns it on ({@link Web#csrf()}): a POST, PUT, PATCH or
 * DELETE must carry its session's token, in the form field {@code _csrf} (what {@code {{{csrf}}}} renders) or
 * the {@code X-CSRF-Token} header, else it is refused with 403 before its handler runs. Routes whose pattern
 * was given to {@link Web#csrfExempt} (JSON APIs authenticated otherwise) are not checked.
 */
final class Csrf {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<PathPattern> exempt;

    Csrf(List<PathPattern> exempt) {
        this.exempt = List.copyOf(exempt);
    }

    /** @throws HttpError 403 saying why, when {@code request} needs a token and has no valid one */
    void check(Request request, List<String> path) throws Exception {
        if (!UNSAFE.contains(request.method()) || isExempt(path)) {
            return;
        }
        String token = request.header(HEADER);
        if (token == null && isForm(request.header("Content-Type"))) {
            token = request.form().field(FIELD);
        }
        Session session = request.existingSession().orElse(null);
        if (token == null || token.isEmpty()) {
            throw new HttpError(403, "this form has no security token. Open the page again from this site and resend it.");
        }
        if (session == null || !session.csrfTokenMatches(token)) {
            throw new HttpError(403, "this form's security token is out of date or from another site "
                    + "(the session may have ended). Open the page again and resend it.");
        }
    }

    private boolean isExempt(List<String> path) {
        for (PathPattern pattern : exempt) {
            if (pattern.match(path) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = HeaderParameters.value(contentType).toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }
}
