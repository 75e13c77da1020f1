package dev.weft.http.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;
import dev.weft.http.LocalPath;

/**
 * Uploads into the served folder (opt-in): {@code PUT /dir/name} with the file as the body, or a
 * multipart POST of one or more files to a directory's URL. Each file is written to a temp file in its
 * target directory and moved into place, so a failed upload leaves nothing; an existing file is only
 * replaced when overwriting is allowed (409 otherwise). When folders may be made, a form POST of
 * {@code mkdir=NAME} to a folder creates {@code NAME} in it.
 */
final class Uploads {

    /** The longest file name, in UTF-8 bytes, Linux file systems hold (NAME_MAX). */
    static final int MAX_NAME_BYTES = 255;

    private final PathResolver resolver;
    private final StatCache stats;
    private final boolean overwrite;
    private final boolean mkdir;

    Uploads(PathResolver resolver, StatCache stats, boolean overwrite, boolean mkdir) {
        this.resolver = resolver;
        this.stats = stats;
        this.overwrite = overwrite;
        this.mkdir = mkdir;
    }

    HttpResponse handle(HttpRequest request) throws IOException {
        Path target = resolver.resolve(request.rawPath());
        if (target == null) {
            return HttpResponse.text(404, "404 Not Found\n");
        }
        if (request.method().equals("PUT")) {
            return put(target, request);
        }
        if (!Files.isDirectory(target)) {
            return HttpResponse.text(405, "405 Method Not Allowed\nPOST uploads go to a directory\n")
                    .header("Allow", "GET, HEAD, OPTIONS, PUT");
        }
        String type = request.header("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return mkdir(target, request);
        }
        return multipart(target, request);
    }

    /** Creates the folder a form names in {@code dir}: 403 unless allowed, 400 for a bad name, 409 if it exists. */
    private HttpResponse mkdir(Path dir, HttpRequest request) throws IOException {
        if (!mkdir) {
            return HttpResponse.text(403, "403 Forbidden\ncreating folders is off (weft serve --mkdir turns it on)\n");
        }
        String name = HttpRequest.parseForm(request.bodyText()).getOrDefault("mkdir", List.of("")).get(0).trim();
        Path target = name.isEmpty() || name.contains("/") || name.contains("\\") ? null
                : resolver.resolve(request.rawPath().replaceFirst("/*$", "/") + Listing.encode(name));
        if (target == null) {
            return HttpResponse.text(400, "400 Bad Request\nbad folder name '" + name + "'\n");
        }
        try {
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            return HttpResponse.text(409, "409 Conflict\n" + name + " exists\n");
        }
        stats.forget(target);
        String accept = request.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return HttpResponse.localRedirect(303, PathResolver.directoryUrl(request.rawPath()));
        }
        return HttpResponse.text(201, "created folder " + name + "\n");
    }

    private HttpResponse put(Path target, HttpRequest request) throws IOException {
        if (request.rawPath().endsWith("/") || Files.isDirectory(target)) {
            return HttpResponse.text(409, "409 Conflict\ncannot PUT onto a directory\n");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return HttpResponse.text(404, "404 Not Found\nno such directory\n");
        }
        HttpResponse refused = refusedName(target);
        if (refused != null) {
            return refused;
        }
        boolean existed = Files.exists(target);
        if (existed && !overwrite) {
            return exists(target);
        }
        if (!store(request.body(), target)) {
            return exists(target);
        }
        return HttpResponse.text(existed ? 200 : 201, (existed ? "replaced " : "created ") + request.path() + "\n")
                .header("Location", LocalPath.of(PathResolver.canonical(request.rawPath())));
    }

    private HttpResponse multipart(Path dir, HttpRequest request) throws IOException {
        MultipartReader reader = new MultipartReader(request.body(), request.header("Content-Type"));
        List<String> saved = new ArrayList<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            String name = part.fileName();
            if (name == null || name.isEmpty()) {
                continue;
            }
            Path target = resolver.resolve(request.rawPath().replaceFirst("/*$", "/") + Listing.encode(name));
            if (target == null) {
                return HttpResponse.text(400, "400 Bad Request\nbad file name '" + name + "'\n");
            }
            HttpResponse refused = refusedName(target);
            if (refused != null) {
                return refused;
            }
            if (!store(part, target)) {
                return exists(target);
            }
            saved.add(name);
        }
        if (saved.isEmpty()) {
            return HttpResponse.text(400, "400 Bad Request\nno file in the upload\n");
        }
        String accept = request.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return HttpResponse.localRedirect(303, PathResolver.directoryUrl(request.rawPath()));
        }
        return HttpResponse.text(201, "uploaded " + String.join(", ", saved) + "\n");
    }

    /**
     * Why an upload may not be stored under {@code target}'s name, or null if it may: a name longer than the 255
     * bytes Linux file systems hold is a 400 before any byte is read (it used to fail at the final move with a 500
     * and a stack trace), and a symbolic link is a 403 whether or not overwriting is on: an upload never replaces a
     * link or writes through it, the rule of the files protocol too (docs/protocols.md).
     */
    private static HttpResponse refusedName(Path target) {
        String name = target.getFileName().toString();
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return HttpResponse.text(400, "400 Bad Request\nfile name is " + bytes + " bytes long; at most " + MAX_NAME_BYTES + " are allowed\n");
        }
        if (Files.isSymbolicLink(target)) {
            return HttpResponse.text(403, "403 Forbidden\n" + name + " is a symbolic link; uploads never replace links\n");
        }
        return null;
    }

    private static HttpResponse exists(Path target) {
        return HttpResponse.text(409, "409 Conflict\n" + target.getFileName() + " exists; uploads do not overwrite\n");
    }

    /** Writes {@code content} to a temp file beside {@code target}, then moves it in; false if it exists and may not be replaced. */
    private boolean store(InputStream content, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.createLink(target, temp);
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, target);
                }
            }
            stats.forget(target);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
