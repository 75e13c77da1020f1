package dev.weft.services.files;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

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
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        if (checkHostName) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw new IOException("TLS handshake with " + host + " failed: " + e.getMessage(), e);
        }
        return socket;
    }

    /**
     * Trusts exactly the certificate whose SHA-256 is {@code fingerprint} (hex, colons optional).
     *
     * @throws IllegalArgumentException naming the fingerprint when it is not 32 bytes of hex
     */
    public static ClientTls pinned(String fingerprint) {
        String hex = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + fingerprint);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Pinned(HexFormat.of().parseHex(hex))}, null);
            return new ClientTls(context, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** Accepts a server whose leaf certificate has the pinned SHA-256; refuses every client role. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final byte[] expected;

        Pinned(byte[] expected) {
            this.expected = expected;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            try {
                byte[] actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                if (!MessageDigest.isEqual(actual, expected)) {
                    throw new CertificateException("server certificate fingerprint "
                            + HexFormat.ofDelimiter(":").withUpperCase().formatHex(actual) + " is not the pinned one");
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a files client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
