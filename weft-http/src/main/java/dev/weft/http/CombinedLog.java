package dev.weft.http;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An {@link AccessLog} in the Combined Log Format that Apache and nginx write, one line per response:
 * {@code 127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 2326 "-" "curl/8.5.0"}.
 */
public final class CombinedLog implements AccessLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private final PrintWriter out;

    public CombinedLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void record(Entry entry) {
        String line = format(entry);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String format(Entry entry) {
        String host = entry.remote() == null ? "-" : entry.remote().getAddress().getHostAddress();
        return host + " - " + (entry.user() == null ? "-" : quoteFree(entry.user())) + " [" + TIME.format(entry.time()) + "] \""
                + quoteFree(entry.requestLine()) + "\" " + entry.status() + " " + entry.bytes() + " \""
                + quoteFree(entry.referer() == null ? "-" : entry.referer()) + "\" \""
                + quoteFree(entry.userAgent() == null ? "-" : entry.userAgent()) + "\"";
    }

    /** Escapes quotes, backslashes and controls so a field cannot forge a log line. */
    private static String quoteFree(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
