package dev.weft.tools.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and checks URLs: from the command line, or from a list ({@code -i LIST}, one per line, '#' comments). */
public final class UrlList {

    private UrlList() {
    }

    /** The URLs in {@code list}; {@code source} names it in errors ("urls.txt"). */
    public static List<URI> read(BufferedReader list, String source) throws IOException {
        List<URI> urls = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = list.readLine()) != null) {
            number++;
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                urls.add(parse(text, " (line " + number + " of " + source + ")"));
            }
        }
        return urls;
    }

    /** Parses one URL, which must be absolute http or https with a host. */
    public static URI parse(String text) {
        return parse(text, "");
    }

    private static URI parse(String text, String where) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad URL '" + text + "'" + where + ": " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL: '" + text + "'" + where);
        }
        return uri;
    }
}
