package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import dev.weft.client.ClientTrust;
import picocli.CommandLine.Option;

/**
 * Whom a TLS client trusts, as curl's options say it (--cacert, --pin, -k): defined once so every client spells,
 * checks and warns alike (get, post, download, the echo and time clients).
 */
final class TrustOptions {

    @Option(names = "--cacert", paramLabel = "FILE", description = "Also trust the CA certificates in this PEM file.")
    Path cacert;

    @Option(names = "--pin", paramLabel = "sha256:...",
            description = "Trust exactly the certificate with this SHA-256 fingerprint (as weft's TLS servers print it).")
    String pin;

    @Option(names = {"-k", "--insecure"}, description = "Do not check the server's certificate (warns).")
    boolean insecure;

    /** Refuses options that do not go together, and a pin that does not read, as usage errors. */
    void check() {
        if ((insecure ? 1 : 0) + (pin != null ? 1 : 0) + (cacert != null ? 1 : 0) > 1) {
            throw CommandFailure.usage("use one of -k, --pin and --cacert");
        }
        if (pin != null) {
            try {
                ClientTrust.fingerprint(pin);
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
        }
    }

    /**
     * For a client whose TLS is a choice ({@code --tls}, the echo and time clients): the trust to speak TLS with, or
     * null for plain text. Trust options without {@code --tls}, or TLS over UDP, are usage errors.
     */
    ClientTrust tlsFor(boolean tls, boolean udp, PrintWriter err) {
        if (!tls) {
            if (insecure || pin != null || cacert != null) {
                throw CommandFailure.usage("--cacert, --pin and -k go with --tls");
            }
            return null;
        }
        if (udp) {
            throw CommandFailure.usage("--tls is for TCP; there is no TLS over UDP here");
        }
        return trust(err);
    }

    /** The trust these options ask for, after {@link #check()}; with -k, a warning on {@code err}. */
    ClientTrust trust(PrintWriter err) {
        check();
        if (insecure) {
            err.println("weft: warning: -k: the server's certificate is not checked");
            err.flush();
        }
        try {
            return ClientTrust.of(cacert, pin, insecure);
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
