package dev.weft.http.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.http.HttpResponse;

/**
 * A folder streamed as a zip or tar.gz archive ({@code ?download=zip|tar.gz} on a listing), written straight to
 * the connection as the tree is walked: no temp file, memory bounded by the buffers whatever the tree's size.
 * Dotfiles follow the server's hidden rule; a symlink enters only when its target is a file under the root
 * (never a link out of the root, whatever {@code --follow-symlinks} says, and never a linked folder, so no cycle).
 */
final class FolderArchive {

    private static final Logger log = LoggerFactory.getLogger(FolderArchive.class);
    private static final int BUFFER = 64 * 1024;

    /** The archive formats offered. */
    enum Format {
        ZIP("zip", "application/zip"),
        TAR_GZ("tar.gz", "application/gzip");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The format a {@code download} query value names, or null for anything else. */
        static Format of(String value) {
            for (Format format : values()) {
                if (format.extension.equals(value)) {
                    return format;
                }
            }
            return null;
        }
    }

    /** One file or folder to archive: its name in the archive ({@code top/sub/file}) and where its bytes are. */
    private record Item(String name, Path source, BasicFileAttributes attributes) {
    }

    /** Receives the walk's items in order; the two formats implement it. */
    private interface Sink {
        void add(Item item) throws IOException;
    }

    private final Path dir;
    private final String top;
    private final PathResolver resolver;
    private final boolean hidden;

    private FolderArchive(Path dir, String top, PathResolver resolver, boolean hidden) {
        this.dir = dir;
        this.top = top;
        this.resolver = resolver;
        this.hidden = hidden;
    }

    /** The response streaming {@code dir} in {@code format}, its entries under a folder named like {@code dir}. */
    static HttpResponse response(Path dir, Format format, PathResolver resolver, boolean hidden) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String top = name == null ? "files" : name.toString();
        FolderArchive archive = new FolderArchive(dir, top, resolver, hidden);
        String file = top + "." + format.extension;
        return HttpResponse.ok().header("Content-Type", format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_")
                        + "\"; filename*=UTF-8''" + Listing.encode(file))
                .header("Cache-Control", "no-store")
                .writer(out -> archive.write(format, out));
    }

    void write(Format format, OutputStream connection) throws IOException {
        OutputStream out = new BufferedOutputStream(connection, BUFFER);
        if (format == Format.ZIP) {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                walk(item -> zip(zip, item));
            }
        } else {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, BUFFER), StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                walk(item -> tar(tar, item));
            }
        }
    }

    private void walk(Sink sink) throws IOException {
        Files.walkFileTree(dir, new FileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (!folder.equals(dir) && !admitted(folder)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                sink.add(new Item(name(folder) + "/", folder, attributes));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!admitted(file)) {
                    return FileVisitResult.CONTINUE;
                }
                BasicFileAttributes target = attributes;
                if (attributes.isSymbolicLink()) {
                    target = linkedFile(file);
                }
                if (target != null && target.isRegularFile()) {
                    if (Files.isReadable(file)) {
                        sink.add(new Item(name(file), file, target));
                    } else {
                        // an entry of zeros would look whole in a zip (its checksum matches): leave it out instead
                        log.warn("archive of {} leaves out {}: not readable", dir, file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log.debug("archive of {} skips {}: {}", dir, file, e.toString());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean admitted(Path path) {
        return hidden || !path.getFileName().toString().startsWith(".");
    }

    /** The attributes of the file a symlink names, or null when it leaves the root, names a folder, or is broken. */
    private BasicFileAttributes linkedFile(Path link) {
        if (!resolver.contains(link)) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(link, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String name(Path path) {
        Path relative = dir.relativize(path);
        String name = relative.toString().isEmpty() ? top : top + "/" + relative;
        return name.replace('\\', '/');
    }

    private static void zip(ZipOutputStream zip, Item item) throws IOException {
        ZipEntry entry = new ZipEntry(item.name());
        entry.setLastModifiedTime(item.attributes().lastModifiedTime());
        boolean folder = item.name().endsWith("/");
        // already-compressed types are stored in deflate's raw blocks: deflating them again only costs time
        String kind = Listing.kind(item.name());
        zip.setLevel(folder || kind.equals("image") || kind.equals("audio") || kind.equals("video") || kind.equals("archive")
                ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(entry);
        if (!folder) {
            copy(item.source(), item.attributes().size(), zip);
        }
        zip.closeEntry();
    }

    private static void tar(TarArchiveOutputStream tar, Item item) throws IOException {
        boolean folder = item.name().endsWith("/");
        TarArchiveEntry entry = new TarArchiveEntry(item.name());
        entry.setModTime(FileTime.fromMillis(item.attributes().lastModifiedTime().toMillis()));
        entry.setMode(folder ? TarArchiveEntry.DEFAULT_DIR_MODE : TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setSize(folder ? 0 : item.attributes().size());
        tar.putArchiveEntry(entry);
        if (!folder) {
            copy(item.source(), item.attributes().size(), tar);
        }
        tar.closeArchiveEntry();
    }

    /**
     * Copies exactly {@code size} bytes, the size the entry announced: a file that grew is cut there, one that
     * shrank or could not be read is padded with zeros, so the archive stays well-formed mid-stream.
     */
    private static void copy(Path source, long size, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = size;
        try (InputStream in = Files.newInputStream(source)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException) {
                log.warn("archive pads {} with zeros: {}", source, e.toString());
            } else {
                throw e;
            }
        }
        java.util.Arrays.fill(buffer, (byte) 0);
        while (left > 0) {
            int n = (int) Math.min(buffer.length, left);
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
