package dev.weft.services.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import dev.weft.client.ClientTrust;

/**
 * How a files client speaks TLS to a server: the system's CAs with host name checking, a given trust
 * (tests), or one pinned certificate named by the SHA-256 fingerprint a {@code --tls-self-signed}
 * server prints at start-up (no host name check: the pin is the identity).
 *
 * @param context        the client context
 * @param checkHostName  whether the certificate must name the host connected to
 */
public record ClientTls(SSLContext context, boolean checkHostName) {

    /** The JVM's default trust (system CAs), with host name checking. */
    public static ClientTls system() {
        try {
            return new ClientTls(SSLContext.getDefault(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
        }
    }

    /** Trusts what {@code context} trusts, with host name checking. */
    public static ClientTls trusting(SSLContext context) {
        return new ClientTls(context, true);
    }

    /** Wraps a connected socket in TLS and completes the handshake. */
    Socket wrap(Socket plain, String host) throws IOException {
        try {
            return new ClientTrust(context, checkHostName, false).wrap(plain, host);
        } catch (IOException e) {
            throw new IOException("TLS handshake with " + host + " failed: " + ClientTrust.refusal(e), e);
        }
    }

    /**
     * Trusts exactly the certificate whose SHA-256 is {@code fingerprint} (hex, colons optional), as
     * {@code --pin} does for every other client.
     *
     * @throws IllegalArgumentException naming the fingerprint when it is not 32 bytes of hex
     */
    public static ClientTls pinned(String fingerprint) {
        try {
            ClientTrust trust = ClientTrust.of(null, fingerprint, false);
            return new ClientTls(trust.context(), trust.checkHostName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
