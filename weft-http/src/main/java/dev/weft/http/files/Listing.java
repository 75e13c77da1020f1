package dev.weft.http.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;

/**
 * A folder's listing: an HTML page for people (breadcrumbs, folders first, natural order, sortable by
 * {@code ?sort=name|size|date&order=asc|desc} without JavaScript, a filter, icons by type, archive links, and
 * the upload panel when uploads are on), or JSON for a client that asks for {@code application/json}.
 * Names are HTML-escaped and links percent-encoded; unknown query values are ignored.
 */
final class Listing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSS = resource("listing.css");
    private static final String SCRIPT = resource("listing.js");
    private static final String ICONS = resource("icons.svg");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One listed entry; {@code modified} is ISO-8601 for scripts. */
    record Entry(String name, String type, long size, String modified, @JsonIgnore long modifiedMillis) {

        boolean directory() {
            return type.equals("directory");
        }
    }

    /** The column a listing is sorted by, and which way; parsed leniently from the query. */
    record Order(String column, boolean descending) {

        private static final Set<String> COLUMNS = Set.of("name", "size", "date");

        static Order of(HttpRequest request) {
            String column = request.queryParameter("sort");
            String order = request.queryParameter("order");
            return new Order(column != null && COLUMNS.contains(column) ? column : "name", "desc".equals(order));
        }

        /** Folders first whichever way, then this column, then the name. */
        Comparator<Entry> comparator() {
            Comparator<Entry> byName = Comparator.comparing(Entry::name, NaturalOrder.INSTANCE);
            Comparator<Entry> by = switch (column) {
                case "size" -> Comparator.comparingLong(Entry::size).thenComparing(byName);
                case "date" -> Comparator.comparingLong(Entry::modifiedMillis).thenComparing(byName);
                default -> byName;
            };
            return Comparator.comparing((Entry e) -> !e.directory()).thenComparing(descending ? by.reversed() : by);
        }
    }

    private Listing() {
    }

    static HttpResponse of(Path dir, HttpRequest request, FileServerOptions options) throws IOException {
        Order order = Order.of(request);
        List<Entry> entries = entries(dir, options.hidden());
        entries.sort(order.comparator());
        String accept = request.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            try {
                return HttpResponse.json(200, JSON.writeValueAsString(Map.of("path", request.path(), "entries", entries)));
            } catch (JsonProcessingException e) {
                throw new IOException("cannot encode the listing of " + dir, e);
            }
        }
        String filter = request.queryParameter("filter");
        return HttpResponse.html(200, new Page(request.path(), entries, order, filter == null ? "" : filter.trim(), options).render())
                .header("Cache-Control", "no-cache");
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
                long modified = attributes.lastModifiedTime().toMillis();
                entries.add(new Entry(name, attributes.isDirectory() ? "directory" : "file",
                        attributes.isDirectory() ? 0 : attributes.size(), Instant.ofEpochMilli(modified).toString(), modified));
            }
        }
        entries.sort(new Order("name", false).comparator());
        return entries;
    }

    /** The HTML page of one listing. */
    private record Page(String path, List<Entry> entries, Order order, String filter, FileServerOptions options) {

        String render() {
            StringBuilder page = new StringBuilder(8192 + entries.size() * 320);
            String title = escape(path);
            page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                    .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                    .append("<meta name=\"color-scheme\" content=\"light dark\"><title>").append(title).append(" · weft</title>\n<style>")
                    .append(CSS).append("</style></head>\n<body>\n").append(ICONS).append("<div class=\"wrap\">\n<header>");
            breadcrumbs(page);
            page.append("<div class=\"actions\">")
                    .append("<a class=\"button\" id=\"zip\" href=\"?download=zip\" download><svg class=\"icon\"><use href=\"#i-download\"/></svg>Download .zip</a>")
                    .append("<a class=\"button\" id=\"targz\" href=\"?download=tar.gz\" download>.tar.gz</a></div></header>\n<main>\n");
            page.append("<div class=\"card\">\n<form class=\"filter\" method=\"get\" role=\"search\">")
                    .append("<input type=\"search\" id=\"filter\" name=\"filter\" placeholder=\"Filter this folder\" aria-label=\"Filter\" autocomplete=\"off\" value=\"")
                    .append(escape(filter)).append("\">");
            if (!order.column().equals("name") || order.descending()) {
                page.append("<input type=\"hidden\" name=\"sort\" value=\"").append(order.column()).append("\">")
                        .append("<input type=\"hidden\" name=\"order\" value=\"").append(order.descending() ? "desc" : "asc").append("\">");
            }
            page.append("</form>\n<table id=\"listing\"><thead><tr>");
            header(page, "name", "Name", "");
            header(page, "size", "Size", " class=\"size\"");
            header(page, "date", "Modified", " class=\"date\"");
            page.append("</tr></thead>\n<tbody>\n");
            rows(page);
            page.append("</tbody></table>\n</div>\n<p class=\"summary\" id=\"summary\">").append(summary()).append("</p>\n");
            if (options.upload()) {
                uploadPanel(page);
            }
            return page.append("</main>\n<footer>served by weft</footer>\n</div>\n<script>").append(SCRIPT)
                    .append("</script>\n</body></html>\n").toString();
        }

        private void breadcrumbs(StringBuilder page) {
            Path top = options.root().toAbsolutePath().normalize().getFileName();
            page.append("<nav class=\"crumbs\" aria-label=\"Breadcrumbs\"><a href=\"/\" title=\"Top folder\"><svg class=\"icon\"><use href=\"#i-home\"/></svg>")
                    .append(top == null ? "" : "<span>" + escape(top.toString()) + "</span>").append("</a>");
            String[] segments = path.split("/");
            StringBuilder href = new StringBuilder("/");
            int last = segments.length - 1;
            for (int i = 1; i < segments.length; i++) {
                href.append(encode(segments[i])).append('/');
                page.append("<span class=\"sep\">/</span>");
                if (i == last) {
                    page.append("<span class=\"here\" aria-current=\"page\">").append(escape(segments[i])).append("</span>");
                } else {
                    page.append("<a href=\"").append(href).append("\">").append(escape(segments[i])).append("</a>");
                }
            }
            page.append("</nav>");
        }

        /** A column header linking to this column's sort, flipping the order when it is the current one. */
        private void header(StringBuilder page, String column, String label, String attributes) {
            boolean current = order.column().equals(column);
            boolean descending = current ? !order.descending() : !column.equals("name");
            page.append("<th").append(attributes).append(" aria-sort=\"")
                    .append(current ? (order.descending() ? "descending" : "ascending") : "none").append("\"><a id=\"sort-").append(column)
                    .append("\" href=\"?sort=").append(column).append("&amp;order=").append(descending ? "desc" : "asc")
                    .append(filter.isEmpty() ? "" : "&amp;filter=" + encode(filter)).append('"')
                    .append(current ? " class=\"on\"" : "").append('>').append(label)
                    .append(current ? (order.descending() ? " ↓" : " ↑") : "").append("</a></th>");
        }

        private void rows(StringBuilder page) {
            if (!path.equals("/")) {
                page.append("<tr class=\"up\"><td class=\"name\" colspan=\"3\"><a href=\"../\"><svg class=\"icon\"><use href=\"#i-up\"/></svg>")
                        .append("<span>Parent folder</span></a></td></tr>\n");
            }
            String needle = filter.toLowerCase(Locale.ROOT);
            int shown = 0;
            for (Entry entry : entries) {
                if (!needle.isEmpty() && !entry.name().toLowerCase(Locale.ROOT).contains(needle)) {
                    continue;
                }
                shown++;
                String kind = entry.directory() ? "folder" : kind(entry.name());
                String suffix = entry.directory() ? "/" : "";
                page.append("<tr class=\"k-").append(kind).append("\" data-name=\"").append(escape(entry.name()))
                        .append("\"><td class=\"name\"><a href=\"").append(encode(entry.name())).append(suffix).append("\">")
                        .append("<svg class=\"icon\" aria-hidden=\"true\"><use href=\"#i-").append(kind).append("\"/></svg><span>")
                        .append(escape(entry.name())).append(suffix).append("</span></a></td><td class=\"size\"");
                if (entry.directory()) {
                    page.append(">—");
                } else {
                    page.append(" title=\"").append(entry.size()).append(" bytes\">").append(humanSize(entry.size()));
                }
                page.append("</td><td class=\"date\"><time datetime=\"").append(entry.modified()).append("\">")
                        .append(DATE.format(Instant.ofEpochMilli(entry.modifiedMillis()))).append("</time></td></tr>\n");
            }
            if (entries.isEmpty()) {
                page.append("<tr><td class=\"empty\" colspan=\"3\">This folder is empty.</td></tr>\n");
            } else {
                page.append("<tr id=\"nomatch\"").append(shown == 0 ? "" : " hidden")
                        .append("><td class=\"empty\" colspan=\"3\">Nothing here matches the filter.</td></tr>\n");
            }
        }

        private String summary() {
            long folders = entries.stream().filter(Entry::directory).count();
            long files = entries.size() - folders;
            long bytes = entries.stream().mapToLong(Entry::size).sum();
            return folders + (folders == 1 ? " folder, " : " folders, ") + files + (files == 1 ? " file, " : " files, ") + humanSize(bytes);
        }

        private void uploadPanel(StringBuilder page) {
            page.append("<section class=\"card upload\" aria-label=\"Upload\">\n")
                    .append("<form id=\"upload\" method=\"post\" enctype=\"multipart/form-data\">")
                    .append("<label class=\"drop\" id=\"drop\"><strong>Drop files here</strong> or choose them")
                    .append("<input type=\"file\" id=\"files\" name=\"file\" multiple></label>")
                    .append("<noscript><button class=\"button primary\" type=\"submit\">Upload</button></noscript></form>\n");
            if (options.mkdir()) {
                page.append("<form class=\"mkdir\" id=\"mkdir\" method=\"post\"><input name=\"mkdir\" placeholder=\"New folder name\" aria-label=\"New folder name\" required>")
                        .append("<button class=\"button\" type=\"submit\">Create folder</button></form>\n");
            }
            page.append("<ul class=\"uploads\" id=\"uploads\" aria-live=\"polite\"></ul>\n</section>\n");
        }
    }

    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "avif", "bmp", "tif", "tiff", "heic");
    private static final Set<String> AUDIO = Set.of("mp3", "ogg", "wav", "flac", "m4a", "aac", "opus");
    private static final Set<String> VIDEO = Set.of("mp4", "webm", "mkv", "mov", "avi", "m4v");
    private static final Set<String> ARCHIVES = Set.of("zip", "gz", "tgz", "tar", "bz2", "xz", "zst", "7z", "rar", "jar", "war", "deb", "rpm");
    private static final Set<String> CODE = Set.of("java", "py", "js", "mjs", "ts", "c", "h", "cpp", "go", "rs", "rb", "sh", "html", "htm",
            "css", "json", "xml", "yaml", "yml", "toml", "kt", "scala", "sql", "php", "swift");
    private static final Set<String> TEXT = Set.of("txt", "md", "csv", "log", "rst", "ini", "conf", "tsv");

    /** The icon for a file, by extension. */
    static String kind(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (IMAGES.contains(ext)) {
            return "image";
        } else if (AUDIO.contains(ext)) {
            return "audio";
        } else if (VIDEO.contains(ext)) {
            return "video";
        } else if (ARCHIVES.contains(ext)) {
            return "archive";
        } else if (CODE.contains(ext)) {
            return "code";
        } else if (TEXT.contains(ext)) {
            return "text";
        }
        return ext.equals("pdf") ? "pdf" : "file";
    }

    /** {@code 999 B}, {@code 1.5 KB}, {@code 12 MB}, {@code 3.2 GB}: binary multiples, one decimal below ten. */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value)) + " " + units[unit];
    }

    private static String resource(String name) {
        try (InputStream in = Listing.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Listing.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
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
