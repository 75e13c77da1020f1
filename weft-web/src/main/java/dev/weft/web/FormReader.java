package dev.weft.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.weft.http.HttpRequest;
import dev.weft.http.files.MultipartReader;

/**
 * Reads a form body by its Content-Type: url-encoded text, or multipart parts streamed through
 * the HTTP server's {@link MultipartReader} with file parts spilled to disk past the {@link Uploads} threshold.
 * Field and file names follow the reader's one rule (RFC 7578, {@code filename*}, UTF-8, last path segment only),
 * the same the folder server's uploads use.
 * Temporary files created for a request are listed in {@code created} so the request can delete them.
 */
final class FormReader {

    private final Uploads uploads;
    private final List<UploadedFile> created;

    FormReader(Uploads uploads, List<UploadedFile> created) {
        this.uploads = uploads;
        this.created = created;
    }

    Form read(String contentType, InputStream body) throws IOException {
        if (contentType == null) {
            return Form.EMPTY;
        }
        String type = HeaderParameters.value(contentType).toLowerCase(Locale.ROOT);
        if (type.equals("application/x-www-form-urlencoded")) {
            return new Form(HttpRequest.parseForm(new String(body.readAllBytes(), StandardCharsets.UTF_8)), Map.of());
        }
        if (type.equals("multipart/form-data")) {
            return multipart(new MultipartReader(body, contentType));
        }
        throw new HttpError(415, "not a form: Content-Type " + contentType);
    }

    private Form multipart(MultipartReader reader) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            String name = part.name();
            if (name == null) {
                throw new HttpError(400, "multipart part without a field name: Content-Disposition '"
                        + part.headers().first("Content-Disposition").orElse("") + "'");
            }
            String fileName = part.fileName();
            if (fileName == null) {
                fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(field(name, part));
                continue;
            }
            UploadedFile file = file(name, fileName,
                    part.headers().first("Content-Type").orElse("application/octet-stream"), part);
            if (!fileName.isEmpty() || file.size() > 0) {
                files.computeIfAbsent(name, n -> new ArrayList<>(1)).add(file);
            }
        }
        return new Form(fields, files);
    }

    private String field(String name, InputStream part) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n = part.read(chunk, 0, chunk.length); n >= 0; n = part.read(chunk, 0, chunk.length)) {
            if (value.size() + n > uploads.maxFieldSize()) {
                throw new HttpError(413, "form field '" + name + "' is larger than " + uploads.maxFieldSize() + " bytes");
            }
            value.write(chunk, 0, n);
        }
        return value.toString(StandardCharsets.UTF_8);
    }

    /** Copies a file part to memory, switching to a temporary file once it passes the threshold. */
    private UploadedFile file(String field, String fileName, String contentType, InputStream part)
            throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        Path temp = null;
        OutputStream out = memory;
        long size = 0;
        try {
            for (int n = part.read(chunk, 0, chunk.length); n >= 0; n = part.read(chunk, 0, chunk.length)) {
                if (temp == null && size + n > uploads.memoryThreshold()) {
                    temp = Files.createTempFile(uploads.tempDir(), "weft-upload-", ".part");
                    created.add(new UploadedFile(field, fileName, contentType, 0, null, temp));
                    out = Files.newOutputStream(temp);
                    memory.writeTo(out);
                }
                out.write(chunk, 0, n);
                size += n;
            }
        } finally {
            out.close();
        }
        return new UploadedFile(field, fileName, contentType, size, temp == null ? memory.toByteArray() : null, temp);
    }
}
