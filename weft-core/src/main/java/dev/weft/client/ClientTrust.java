package dev.weft.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Whom a TLS client trusts, the curl way: the JDK's trust store by default, plus CAs from a PEM file
 * ({@code --cacert}), or exactly one certificate by the SHA-256 fingerprint weft's servers print ({@code --pin}), or
 * nobody checked at all ({@code -k}). A pin or {@code -k} skips the host name check (the pin is the identity).
 *
 * @param context       the client context to connect with
 * @param checkHostName whether the certificate must also name the host
 * @param insecure      whether nothing is checked (the command warns)
 */
public record ClientTrust(SSLContext context, boolean checkHostName, boolean insecure) {

    /** Builds the trust the options ask for; at most one of {@code pin} and {@code insecure} with a CA file. */
    public static ClientTrust of(Path caFile, String pin, boolean insecure) throws IOException {
        if (insecure) {
            return new ClientTrust(context(new Checking(null)), false, true);
        }
        if (pin != null) {
            return new ClientTrust(context(new Checking(fingerprint(pin))), false, false);
        }
        if (caFile != null) {
            return new ClientTrust(context(withCas(caFile)), true, false);
        }
        try {
            return new ClientTrust(SSLContext.getDefault(), true, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a connected socket in TLS as this trust says (the certificate must also name {@code host} when
     * {@link #checkHostName}) and completes the handshake; the socket is closed when that fails.
     */
    public SSLSocket wrap(Socket plain, String host) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        if (checkHostName) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        try {
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Why a TLS handshake failed, in one line, with the way out when the server's certificate was not trusted. */
    public static String refusal(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                String text = cause.getMessage() == null ? "" : cause.getMessage();
                if (text.contains("pinned")) {
                    return text;
                }
                String why = text.contains("unable to find valid certification path")
                        ? "not signed by a CA this client trusts"
                        : text.replaceAll("^([a-z]\\w*\\.)+\\w+(Exception|Error): ", "");
                return "the server's certificate is not trusted (" + why + "); use --cacert FILE, --pin sha256:... or -k";
            }
        }
        return e.getMessage();
    }

    /** The JDK's trust store with host name checks. */
    public static ClientTrust system() {
        try {
            return of(null, null, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses {@code sha256:AB:CD:...} or plain hex, as weft's servers print it.
     *
     * @throws IllegalArgumentException naming the value when it is not 32 bytes of hex
     */
    public static byte[] fingerprint(String pin) {
        String hex = pin.strip();
        if (hex.regionMatches(true, 0, "sha256:", 0, 7)) {
            hex = hex.substring(7);
        } else if (hex.regionMatches(true, 0, "sha256/", 0, 7)) {
            hex = hex.substring(7);
        }
        hex = hex.replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("--pin needs a SHA-256 fingerprint (sha256:AB:CD:..., 32 bytes), not '" + pin + "'");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static X509TrustManager withCas(Path caFile) throws IOException {
        Collection<? extends Certificate> cas;
        try (InputStream in = Files.newInputStream(caFile)) {
            cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw LocalFileException.of("read", caFile, e);
        } catch (CertificateException e) {
            throw new LocalFileException("read", caFile, "not a PEM certificate file", e);
        }
        if (cas.isEmpty()) {
            throw new LocalFileException("read", caFile, "no certificate in it", null);
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate ca : trustManager(null).getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + i++, ca);
            }
            for (Certificate ca : cas) {
                store.setCertificateEntry("cacert-" + i++, ca);
            }
            return trustManager(store); // the JDK's own manager: it also checks the host name
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK has no X.509 trust manager");
    }

    private static SSLContext context(X509TrustManager manager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts one pinned fingerprint, or (pin null) everything. Being an extended trust manager, the JDK leaves the
     * host name check to it, and it makes none.
     */
    private static final class Checking extends X509ExtendedTrustManager {
        private final byte[] pin;

        Checking(byte[] pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            if (pin != null) {
                checkPin(chain[0]);
            }
        }

        private void checkPin(X509Certificate leaf) throws CertificateException {
            try {
                byte[] actual = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
                if (!MessageDigest.isEqual(actual, pin)) {
                    throw new CertificateException("the server's certificate is sha256:"
                            + HexFormat.ofDelimiter(":").withUpperCase().formatHex(actual) + ", not the pinned one");
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept connections");
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
