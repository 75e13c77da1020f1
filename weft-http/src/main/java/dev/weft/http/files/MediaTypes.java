package dev.weft.http.files;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Content-Type by file extension; text types carry {@code charset=utf-8}. Unknown types are octet streams. */
public final class MediaTypes {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("avif", "image/avif"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"), Map.entry("wasm", "application/wasm"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"), Map.entry("java", "text/plain"), Map.entry("py", "text/plain"),
            Map.entry("sh", "text/plain"), Map.entry("log", "text/plain"), Map.entry("yaml", "text/yaml"),
            Map.entry("yml", "text/yaml"), Map.entry("toml", "text/plain"), Map.entry("webmanifest", "application/manifest+json"));

    /** The Content-Type header values, text types with their charset, made once rather than per response. */
    private static final Map<String, String> HEADERS = TYPES.entrySet().stream().collect(Collectors.toUnmodifiableMap(
            Map.Entry::getKey, type -> isText(type.getValue()) ? type.getValue() + "; charset=utf-8" : type.getValue()));

    private MediaTypes() {
    }

    /** The Content-Type for a file name. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String type = dot < 0 ? null : HEADERS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? "application/octet-stream" : type;
    }

    /** Whether a type is text worth compressing (text/*, JSON, XML, JavaScript, SVG). */
    public static boolean isText(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml")
                || type.startsWith("image/svg+xml") || type.startsWith("application/manifest+json");
    }
}
