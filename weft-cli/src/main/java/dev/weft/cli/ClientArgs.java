package dev.weft.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.weft.http.client.WebClient;

/** What {@code weft get} and {@code weft post} share: header parsing and turning a status into an exit code. */
final class ClientArgs {

    private ClientArgs() {
    }

    /** Thrown inside a save to drop the temp file of a non-2xx response. */
    static final class NotSaved extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static List<String[]> headers(List<String> headers) {
        List<String[]> parsed = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new CommandFailure("-H needs 'Name: value', not '" + header + "'");
            }
            parsed.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
        }
        return parsed;
    }

    /** 0 for 2xx; otherwise a one-line failure naming the status. */
    static int exit(WebClient.Result result, URI uri) {
        if (!result.ok()) {
            throw new CommandFailure(uri + " answered " + result.status());
        }
        return ExitCode.OK.code();
    }
}
