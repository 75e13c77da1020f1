package dev.weft.http.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link FileServer} serves a folder; one record built from {@code weft serve}'s options.
 *
 * @param root           the folder served
 * @param listing        list directories without an index.html (else 404)
 * @param hidden         serve dotfiles
 * @param followSymlinks serve symlinks that point outside the root
 * @param gzip           compress text types for clients that accept gzip
 * @param upload         accept PUT and multipart POST uploads into the folder
 * @param overwrite      let uploads replace existing files
 * @param mkdir          let uploads create folders (a form POST of {@code mkdir=NAME} to a folder)
 * @param cors           allow cross-origin requests from any origin
 * @param credentials    {@code user:password} for Basic authentication, or null for none
 */
public record FileServerOptions(Path root, boolean listing, boolean hidden, boolean followSymlinks, boolean gzip,
                                boolean upload, boolean overwrite, boolean mkdir, boolean cors, String credentials) {

    public FileServerOptions {
        Objects.requireNonNull(root, "root");
        if (credentials != null && credentials.indexOf(':') <= 0) {
            throw new IllegalArgumentException("credentials must be user:password, not '" + credentials + "'");
        }
    }

    /** Serve {@code root} read-only with gzip, no listing, no dotfiles (a library's safe default; {@code weft serve} lists). */
    public static FileServerOptions of(Path root) {
        return new FileServerOptions(root, false, false, false, true, false, false, false, false, null);
    }

    public FileServerOptions withListing(boolean on) {
        return new FileServerOptions(root, on, hidden, followSymlinks, gzip, upload, overwrite, mkdir, cors, credentials);
    }

    public FileServerOptions withHidden(boolean on) {
        return new FileServerOptions(root, listing, on, followSymlinks, gzip, upload, overwrite, mkdir, cors, credentials);
    }

    public FileServerOptions withFollowSymlinks(boolean on) {
        return new FileServerOptions(root, listing, hidden, on, gzip, upload, overwrite, mkdir, cors, credentials);
    }

    public FileServerOptions withGzip(boolean on) {
        return new FileServerOptions(root, listing, hidden, followSymlinks, on, upload, overwrite, mkdir, cors, credentials);
    }

    public FileServerOptions withUpload(boolean on, boolean replace) {
        return new FileServerOptions(root, listing, hidden, followSymlinks, gzip, on, replace, mkdir, cors, credentials);
    }

    public FileServerOptions withMkdir(boolean on) {
        return new FileServerOptions(root, listing, hidden, followSymlinks, gzip, upload, overwrite, on, cors, credentials);
    }

    public FileServerOptions withCors(boolean on) {
        return new FileServerOptions(root, listing, hidden, followSymlinks, gzip, upload, overwrite, mkdir, on, credentials);
    }

    public FileServerOptions withCredentials(String userColonPassword) {
        return new FileServerOptions(root, listing, hidden, followSymlinks, gzip, upload, overwrite, mkdir, cors, userColonPassword);
    }
}
