package dev.weft.http.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;

/**
 * A directory listing: entries sorted by name (directories first), names HTML-escaped and links
 * percent-encoded; JSON when the client asks for {@code application/json}; an upload form when uploads are on.
 */
final class Listing {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One listed entry. */
    record Entry(String name, String type, long size, String modified) {
    }

    private Listing() {
    }

    static HttpResponse of(Path dir, HttpRequest request, FileServerOptions options) throws IOException {
        List<Entry> entries = entries(dir, options.hidden());
        String accept = request.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            try {
                return HttpResponse.json(200, JSON.writeValueAsString(Map.of("path", request.path(), "entries", entries)));
            } catch (JsonProcessingException e) {
                throw new IOException("cannot encode the listing of " + dir, e);
            }
        }
        return HttpResponse.html(200, html(request.path(), entries, options.upload()));
    }

    static List<Entry> entries(Path dir, boolean hidden) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!hidden && name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue;
                }
                entries.add(new Entry(name, attributes.isDirectory() ? "directory" : "file",
                        attributes.isDirectory() ? 0 : attributes.size(),
                        Instant.ofEpochMilli(attributes.lastModifiedTime().toMillis()).toString()));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.type().equals("directory")).thenComparing(Entry::name));
        return entries;
    }

    private static String html(String path, List<Entry> entries, boolean upload) {
        String title = "Directory listing for " + escape(path);
        StringBuilder page = new StringBuilder(256 + entries.size() * 96)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body>\n<h1>").append(title).append("</h1>\n<hr>\n<ul>\n");
        if (!path.equals("/")) {
            page.append("<li><a href=\"../\">../</a></li>\n");
        }
        for (Entry entry : entries) {
            String suffix = entry.type().equals("directory") ? "/" : "";
            page.append("<li><a href=\"").append(encode(entry.name())).append(suffix).append("\">")
                    .append(escape(entry.name())).append(suffix).append("</a>");
            if (suffix.isEmpty()) {
                page.append(" <small>(").append(entry.size()).append(" bytes)</small>");
            }
            page.append("</li>\n");
        }
        page.append("</ul>\n<hr>\n");
        if (upload) {
            page.append("<form method=\"post\" enctype=\"multipart/form-data\">\n<input type=\"file\" name=\"file\" multiple>\n")
                    .append("<button type=\"submit\">Upload</button>\n</form>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Percent-encodes a path segment: everything but unreserved characters. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
