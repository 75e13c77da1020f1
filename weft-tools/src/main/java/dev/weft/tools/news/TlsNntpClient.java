package dev.weft.tools.news;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.apache.commons.net.io.CRLFLineReader;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.util.TrustManagerUtils;

/**
 * Commons Net's NNTPClient with TLS, which Commons Net offers for FTP, SMTP, POP3 and IMAP but not NNTP:
 * implicit TLS (NNTPS) wraps the socket before the greeting; {@link #startTls()} upgrades a plain connection
 * (RFC 4642 STARTTLS). The certificate and host name are verified unless insecure.
 */
final class TlsNntpClient extends NNTPClient {

    private final boolean implicit;
    private final boolean insecure;
    private final String host;

    TlsNntpClient(String host, boolean implicit, boolean insecure) {
        this.host = host;
        this.implicit = implicit;
        this.insecure = insecure;
    }

    @Override
    protected void _connectAction_() throws IOException {
        if (implicit) {
            handshake();
        }
        super._connectAction_();
    }

    /** Sends STARTTLS and, once the server agrees (382), continues the session over TLS. */
    boolean startTls() throws IOException {
        if (sendCommand("STARTTLS") != 382) {
            return false;
        }
        handshake();
        _reader_ = new CRLFLineReader(new InputStreamReader(_input_, StandardCharsets.ISO_8859_1));
        _writer_ = new BufferedWriter(new OutputStreamWriter(_output_, StandardCharsets.ISO_8859_1));
        return true;
    }

    private void handshake() throws IOException {
        SSLSocket socket = (SSLSocket) context().getSocketFactory()
                .createSocket(_socket_, host, _socket_.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(insecure ? null : "HTTPS");
        socket.setSSLParameters(parameters);
        socket.setUseClientMode(true);
        socket.startHandshake();
        _socket_ = socket;
        _input_ = socket.getInputStream();
        _output_ = socket.getOutputStream();
    }

    private SSLContext context() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust = insecure ? new TrustManager[] {TrustManagerUtils.getAcceptAllTrustManager()} : null;
            context.init(null, trust, null); // null: the JDK's default trusted certificates
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
