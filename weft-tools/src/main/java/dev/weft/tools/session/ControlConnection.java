package dev.weft.tools.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

import org.apache.commons.net.SocketClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.nntp.NNTPConnectionClosedException;
import org.slf4j.Logger;

/**
 * The command connection of a Commons Net session (FTP's control connection, NNTP's only one), as FtpSession and
 * NewsSession both speak of it: the few words after a failed step's message, why a TLS handshake failed, the first
 * line of the server's last reply, and leaving (QUIT, then close) without hiding the failure that ended the session.
 */
public final class ControlConnection {

    private ControlConnection() {
    }

    /** The few words after a failed step's message: "timed out", "the server closed the connection", or the cause. */
    public static String describe(IOException e) {
        if (e instanceof FTPConnectionClosedException || e instanceof NNTPConnectionClosedException) {
            return "the server closed the connection";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return dev.weft.client.LocalReason.of(e);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Why a TLS handshake failed, with the way out when the server's certificate is not trusted. */
    public static String tlsReason(SSLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "the server's certificate is not trusted (" + cause.getMessage()
                        + "); use --insecure to accept it knowingly";
            }
        }
        return describe(e);
    }

    /** The first line of a reply as Commons Net keeps it ({@code getReplyString()}), or "no reply" before any. */
    public static String firstLine(String reply) {
        return reply == null ? "no reply" : reply.strip().lines().findFirst().orElse("");
    }

    /**
     * Says goodbye with {@code quit} (FTP and NNTP's QUIT) and closes the connection; either failing is only logged,
     * at debug, since the session is over and whatever ended it has already been reported.
     */
    public static void close(SocketClient client, Quit quit, Object peer, Logger log) {
        if (!client.isConnected()) {
            return;
        }
        try {
            quit.run();
        } catch (IOException e) {
            log.debug("QUIT to {} failed", peer, e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException e) {
                log.debug("closing the connection to {} failed", peer, e);
            }
        }
    }

    /** The protocol's QUIT (Commons Net's {@code logout()}). */
    @FunctionalInterface
    public interface Quit {
        void run() throws IOException;
    }
}
