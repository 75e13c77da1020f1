package dev.weft.cli;

import java.util.ArrayList;
import java.util.List;

/** What {@code weft get} and {@code weft post} share besides their options: reading -H headers. */
final class ClientArgs {

    private ClientArgs() {
    }

    static List<String[]> headers(List<String> headers) {
        List<String[]> parsed = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw CommandFailure.usage("-H needs 'Name: value', not '" + header + "'");
            }
            parsed.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
        }
        return parsed;
    }
}
