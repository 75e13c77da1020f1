package dev.weft.services.files;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import dev.weft.engine.Connection;
import dev.weft.engine.StreamHandler;

/**
 * The files service: one port, two protocols told apart by the first byte. A NUL starts weft's framed
 * protocol ({@link FramedSession}); anything else is a file name in the seeds' raw protocol
 * ({@link SeedProtocol}). Blocking code on purpose: every request is "read a little, then stream a
 * file", which reads plainly as a loop, and {@link Connection#sendFile} gives zero-copy sends; under
 * the event-loop model the engine runs stream handlers on virtual threads.
 */
public final class FilesService implements StreamHandler {

    /** How long a raw request may pause before the name read so far counts as complete. */
    public static final Duration RAW_PAUSE = Duration.ofMillis(100);

    private final SharedDirectory share;
    private final Duration rawPause;
    private final Digests digests = new Digests();

    public FilesService(SharedDirectory share, Duration rawPause) {
        this.share = Objects.requireNonNull(share, "share");
        this.rawPause = Objects.requireNonNull(rawPause, "rawPause");
    }

    public static FilesService create(SharedDirectory share) {
        return new FilesService(share, RAW_PAUSE);
    }

    @Override
    public void handle(Connection connection) throws IOException {
        int first = connection.input().read();
        if (first < 0) {
            return;
        }
        if (first == 0) {
            new FramedSession(connection, share, digests).run();
        } else {
            SeedProtocol.serve(connection, (byte) first, share, rawPause);
        }
    }
}
