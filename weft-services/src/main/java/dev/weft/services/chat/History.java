package dev.weft.services.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The history file: every message appended as one UTF-8 line (whatever the wire encoding), written through
 * to the operating system line by line, so Ctrl-C or a crash loses nothing already shown. It is an
 * append-only log: each line is a single write to a file opened for appending.
 */
final class History implements AutoCloseable {

    private final Path file;
    private final OutputStream out;

    private History(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending, creating it when missing.
     *
     * @throws IOException naming the file
     */
    static History open(Path file) throws IOException {
        try {
            return new History(file, java.nio.file.Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new IOException("cannot open history file " + file + ": " + reason(e), e);
        }
    }

    Path file() {
        return file;
    }

    /** Appends the message's line; the write has reached the OS when this returns. */
    synchronized void append(ChatMessage message) throws IOException {
        out.write(message.historyLine().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : String.valueOf(e.getMessage());
    }
}
