package dev.weft.services.files;

import java.io.IOException;
import java.util.Arrays;

/**
 * A refusal or failure of the files protocol, typed by {@link Code} and carrying the path it is about.
 * The same codes travel on the wire ({@code ERR not-found docs/a.txt}) and reach the user as one line.
 */
public final class FilesException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link #wire()} is the spelling in an {@code ERR} reply. */
    public enum Code {
        NOT_FOUND("not-found", "not found"),
        NOT_A_FILE("not-a-file", "not a file"),
        NOT_A_DIRECTORY("not-a-directory", "not a directory"),
        FORBIDDEN("forbidden", "forbidden"),
        UPLOAD_DISABLED("upload-disabled", "uploads are not allowed on this server"),
        EXISTS("exists", "already exists and was not overwritten"),
        BAD_OFFSET("bad-offset", "offset beyond the end of the file"),
        CHECKSUM("checksum", "SHA-256 mismatch"),
        TOO_LARGE("too-large", "larger than the server accepts"),
        BAD_REQUEST("bad-request", "bad request"),
        IO("io", "I/O error");

        private final String wire;
        private final String description;

        Code(String wire, String description) {
            this.wire = wire;
            this.description = description;
        }

        public String wire() {
            return wire;
        }

        public String description() {
            return description;
        }

        /** The code spelled {@code wire}, or {@link #IO} for a code this client does not know. */
        static Code fromWire(String wire) {
            return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst().orElse(IO);
        }
    }

    private final Code code;
    private final String path;
    private final String detail;

    public FilesException(Code code, String path) {
        this(code, path, code.description());
    }

    public FilesException(Code code, String path, String detail) {
        super(detail + ": " + path);
        this.code = code;
        this.path = path;
        this.detail = detail;
    }

    public Code code() {
        return code;
    }

    /** What is wrong with {@link #path()}, without the path. */
    public String detail() {
        return detail;
    }

    /** The path (or other input) the error is about. */
    public String path() {
        return path;
    }
}
