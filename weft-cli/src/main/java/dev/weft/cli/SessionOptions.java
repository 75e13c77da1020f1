package dev.weft.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import dev.weft.tools.session.SessionFailure;
import picocli.CommandLine.Option;

/**
 * The options every client of a remote server takes besides its own --tls (ftp, news): --insecure and --timeout,
 * defined once so the commands agree on wording and default; and the one way their failures reach the user.
 */
final class SessionOptions {

    @Option(names = "--insecure", description = "With --tls: accept an untrusted certificate, knowingly.")
    boolean insecure;

    @Option(names = {"--timeout", "--idle-timeout"}, paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a silent server after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** Runs a command's talk with the server; a failed step becomes the one line the user sees. */
    static int run(Talk talk) {
        try {
            return talk.run();
        } catch (SessionFailure e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command's work with the server, returning its exit code. */
    @FunctionalInterface
    interface Talk {
        int run() throws IOException;
    }
}
