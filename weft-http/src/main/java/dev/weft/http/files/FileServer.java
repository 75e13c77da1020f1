package dev.weft.http.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import dev.weft.http.HttpHandler;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;
import dev.weft.http.ResponseBody;
import dev.weft.http.h1.HttpDate;

/**
 * Serves a folder over HTTP ({@code weft serve DIR}): index.html for directories, else an optional listing
 * (HTML, or JSON for {@code Accept: application/json}); Content-Type by extension; ETag and Last-Modified
 * with 304s; single byte ranges (206/416); gzip for text types, from a precompressed {@code file.gz} when
 * there is one; with listings on, {@code ?download=zip|tar.gz} streams a folder as an archive; optional uploads,
 * Basic authentication and CORS. Paths go through {@link PathResolver}.
 */
public final class FileServer implements HttpHandler {

    private static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final String ALLOW_UPLOAD = "GET, HEAD, OPTIONS, PUT, POST";

    private final FileServerOptions options;
    private final PathResolver resolver;
    private final FileCache cache = new FileCache();
    private final StatCache stats = StatCache.shared();
    /** The expected Basic credentials token (base64 of user:password), or null without authentication. */
    private final byte[] credentials;

    public FileServer(FileServerOptions options) throws IOException {
        this.options = options;
        if (!Files.isDirectory(options.root())) {
            throw new IOException("not a directory: " + options.root());
        }
        this.resolver = new PathResolver(options.root(), options.hidden(), options.followSymlinks());
        this.credentials = options.credentials() == null ? null
                : Base64.getEncoder().encodeToString(options.credentials().getBytes(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.US_ASCII);
    }

    /** It waits only on the local file system (requests with a body, such as uploads, never run on a loop). */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        HttpResponse response = authorized(request) ? route(request)
                : HttpResponse.text(401, "401 Unauthorized\n").header("WWW-Authenticate", "Basic realm=\"weft\", charset=\"UTF-8\"");
        if (options.cors()) {
            response.header("Access-Control-Allow-Origin", "*");
        }
        return response;
    }

    private HttpResponse route(HttpRequest request) throws IOException {
        return switch (request.method()) {
            case "GET", "HEAD" -> get(request);
            case "OPTIONS" -> options();
            case "PUT", "POST" -> options.upload() ? new Uploads(resolver, stats, options.overwrite(), options.mkdir()).handle(request) : notAllowed();
            default -> notAllowed();
        };
    }

    /**
     * Basic authentication: the scheme is matched case-insensitively (RFC 9110 section 11.1, so {@code basic} and
     * {@code BASIC} work as curl and browsers may send them), the credentials token in constant time.
     */
    private boolean authorized(HttpRequest request) {
        if (credentials == null) {
            return true;
        }
        String given = request.header("Authorization");
        if (given == null) {
            return false;
        }
        String trimmed = given.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Basic")) {
            return false;
        }
        return MessageDigest.isEqual(credentials, trimmed.substring(space + 1).trim().getBytes(StandardCharsets.ISO_8859_1));
    }

    private HttpResponse options() {
        HttpResponse response = HttpResponse.of(204).header("Allow", options.upload() ? ALLOW_UPLOAD : ALLOW);
        if (options.cors()) {
            response.header("Access-Control-Allow-Methods", options.upload() ? ALLOW_UPLOAD : ALLOW)
                    .header("Access-Control-Allow-Headers", "*")
                    .header("Access-Control-Max-Age", "86400");
        }
        return response;
    }

    private HttpResponse notAllowed() {
        return HttpResponse.text(405, "405 Method Not Allowed\n").header("Allow", options.upload() ? ALLOW_UPLOAD : ALLOW);
    }

    private HttpResponse get(HttpRequest request) throws IOException {
        Path path = resolver.resolve(request.rawPath());
        BasicFileAttributes attributes = path == null ? null : attributes(path);
        if (attributes == null) {
            return notFound(request);
        }
        if (attributes.isDirectory()) {
            if (!request.rawPath().endsWith("/")) {
                String query = request.query();
                return HttpResponse.localRedirect(301, PathResolver.directoryUrl(request.rawPath()) + (query.isEmpty() ? "" : "?" + query));
            }
            FolderArchive.Format archive = options.listing() ? FolderArchive.Format.of(request.queryParameter("download")) : null;
            if (archive != null) {
                return FolderArchive.response(path, archive, resolver, options.hidden());
            }
            Path index = path.resolve("index.html");
            BasicFileAttributes indexAttributes = attributes(index);
            if (indexAttributes != null && indexAttributes.isRegularFile()) {
                return file(request, index, indexAttributes);
            }
            return options.listing() ? Listing.of(path, request, options)
                    : notFound(request.path() + " has no index.html, and folder listings are off (--no-list)");
        }
        return attributes.isRegularFile() ? file(request, path, attributes) : notFound(request);
    }

    private BasicFileAttributes attributes(Path path) {
        return stats.attributes(resolver.root(), path);
    }

    /** A 404 that says where to look next: the nearest folder's listing, or why a dotfile is not served. */
    private HttpResponse notFound(HttpRequest request) {
        String raw = request.rawPath();
        String name = raw.substring(raw.lastIndexOf('/', raw.length() - 2) + 1);
        if (!options.hidden() && (name.startsWith(".") || raw.contains("/."))) {
            return notFound("dotfiles are not served (--hidden serves them)");
        }
        String parent = raw.substring(0, raw.lastIndexOf('/', raw.length() - 2) + 1);
        while (parent.length() > 1 && !isFolder(parent)) {
            parent = parent.substring(0, parent.lastIndexOf('/', parent.length() - 2) + 1);
        }
        return notFound("nothing at " + request.path()
                + (options.listing() && !parent.isEmpty() ? "; the listing of " + parent + " shows what is there" : ""));
    }

    private boolean isFolder(String rawPath) {
        Path path = resolver.resolve(rawPath);
        BasicFileAttributes attributes = path == null ? null : attributes(path);
        return attributes != null && attributes.isDirectory();
    }

    private static HttpResponse notFound(String hint) {
        return HttpResponse.text(404, "404 Not Found\n" + hint + "\n").header("X-Content-Type-Options", "nosniff");
    }

    private HttpResponse file(HttpRequest request, Path path, BasicFileAttributes attributes) throws IOException {
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String type = MediaTypes.of(path.getFileName().toString());
        String etag = "\"" + Long.toHexString(modified) + "-" + Long.toHexString(size) + "\"";
        boolean compressible = options.gzip() && MediaTypes.isText(type);
        HttpResponse response = HttpResponse.ok().header("Content-Type", type)
                .header("Last-Modified", HttpDate.format(Instant.ofEpochMilli(modified)))
                .header("Accept-Ranges", "bytes");
        if (compressible) {
            response.header("Vary", "Accept-Encoding");
        }
        if (notModified(request, etag, modified)) {
            return response.status(304).header("ETag", etag);
        }
        String range = request.header("Range");
        if (range != null && ifRangeMatches(request, etag)) {
            return ranged(response.header("ETag", etag), path, size, range);
        }
        if (compressible && acceptsGzip(request)) {
            Path precompressed = path.resolveSibling(path.getFileName() + ".gz");
            BasicFileAttributes gzAttributes = attributes(precompressed);
            response.header("Content-Encoding", "gzip").header("ETag", gzTag(etag));
            if (gzAttributes != null && gzAttributes.isRegularFile()) {
                return response.body(new ResponseBody.FileRegion(precompressed, 0, gzAttributes.size()));
            }
            FileCache.Entry entry = cache.get(path, size, modified);
            if (entry != null) {
                return response.body(entry.gzip());
            }
            return response.writer(out -> {
                try (GZIPOutputStream zip = new GZIPOutputStream(out, 16 * 1024)) {
                    Files.copy(path, zip);
                }
            });
        }
        response.header("ETag", etag);
        FileCache.Entry entry = cache.get(path, size, modified);
        return entry != null ? response.body(entry.bytes) : response.body(new ResponseBody.FileRegion(path, 0, size));
    }

    private static boolean notModified(HttpRequest request, String etag, long modified) {
        String match = request.header("If-None-Match");
        if (match != null) {
            for (String tag : match.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.replaceFirst("^W/", "").equals(etag) || t.replaceFirst("^W/", "").equals(gzTag(etag))) {
                    return true;
                }
            }
            return false;
        }
        Instant since = HttpDate.parse(request.header("If-Modified-Since"));
        return since != null && modified / 1000 <= since.getEpochSecond();
    }

    private static String gzTag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    private static boolean ifRangeMatches(HttpRequest request, String etag) {
        String ifRange = request.header("If-Range");
        return ifRange == null || ifRange.trim().equals(etag);
    }

    private static boolean acceptsGzip(HttpRequest request) {
        String accept = request.header("Accept-Encoding");
        if (accept == null) {
            return false;
        }
        for (String item : accept.split(",")) {
            String[] parts = item.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return !(parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /** A single {@code bytes=} range gives 206, an unsatisfiable one 416; several ranges get the whole file. */
    private static HttpResponse ranged(HttpResponse response, Path path, long size, String range) {
        ByteRange parsed = ByteRange.parse(range, size);
        if (parsed == null) {
            return response.body(new ResponseBody.FileRegion(path, 0, size));
        }
        if (!parsed.satisfiable()) {
            return HttpResponse.text(416, "416 Range Not Satisfiable\n").header("Content-Range", "bytes */" + size);
        }
        return response.status(206)
                .header("Content-Range", "bytes " + parsed.first() + "-" + parsed.last() + "/" + size)
                .body(new ResponseBody.FileRegion(path, parsed.first(), parsed.last() - parsed.first() + 1));
    }
}
