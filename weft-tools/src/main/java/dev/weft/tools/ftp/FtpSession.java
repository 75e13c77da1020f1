package dev.weft.tools.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.tools.ftp.FtpFailure.Step;
import dev.weft.tools.session.ControlConnection;

/**
 * One connected, logged-in FTP or FTPS session on Apache Commons Net. Every operation either succeeds or throws an
 * {@link FtpFailure} naming its step; a missing path is reported as "no such directory" when its parent is missing
 * and "no such file" otherwise, like the seed's cwd-then-retr checks.
 */
public final class FtpSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FtpSession.class);
    private static final int BUFFER = 64 * 1024;

    private final FTPClient client;
    private final FtpUrl url;
    private Boolean machineListing;

    private FtpSession(FTPClient client, FtpUrl url) {
        this.client = client;
        this.url = url;
    }

    /** Connects, negotiates TLS when asked, logs in and switches to binary transfers. */
    public static FtpSession open(FtpUrl url, FtpOptions options) throws FtpFailure {
        FTPClient client = options.tls() ? tlsClient(url, options.insecure()) : new FTPClient();
        int millis = Math.toIntExact(options.timeout().toMillis());
        client.setConnectTimeout(millis);
        client.setDefaultTimeout(millis);
        client.setDataTimeout(options.timeout());
        client.setControlEncoding("UTF-8");
        FtpSession session = new FtpSession(client, url);
        try {
            session.start(options);
            return session;
        } catch (FtpFailure e) {
            session.close();
            throw e;
        }
    }

    private void start(FtpOptions options) throws FtpFailure {
        try {
            client.connect(url.host(), url.port());
        } catch (SSLException e) {
            throw new FtpFailure(Step.TLS, url.address(), ControlConnection.tlsReason(e), e);
        } catch (IOException e) {
            throw new FtpFailure(Step.CONNECT, url.address(), ControlConnection.describe(e), e);
        }
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw new FtpFailure(Step.CONNECT, url.address(), reply());
        }
        String who = "user " + url.user() + " on " + url.address();
        if (!io(Step.LOGIN, who, () -> client.login(url.user(), url.password()))) {
            throw new FtpFailure(Step.LOGIN, who, reply());
        }
        if (client instanceof FTPSClient tls) {
            io(Step.TLS, url.address(), () -> {
                tls.execPBSZ(0);
                tls.execPROT("P");
                return null;
            });
        }
        if (options.passive()) {
            client.enterLocalPassiveMode();
        } else {
            client.enterLocalActiveMode();
        }
        if (!io(Step.COMMAND, "TYPE I", () -> client.setFileType(FTP.BINARY_FILE_TYPE))) {
            throw new FtpFailure(Step.COMMAND, "TYPE I", reply());
        }
    }

    public FtpUrl url() {
        return url;
    }

    public String pwd() throws FtpFailure {
        String dir = io(Step.COMMAND, "PWD", client::printWorkingDirectory);
        if (dir == null) {
            throw new FtpFailure(Step.COMMAND, "PWD", reply());
        }
        return dir;
    }

    public void cd(String dir) throws FtpFailure {
        if (!io(Step.DIRECTORY, dir, () -> client.changeWorkingDirectory(dir))) {
            throw new FtpFailure(Step.DIRECTORY, dir, reply());
        }
    }

    /** Whether path names a directory (tried with CWD, then back). */
    public boolean isDirectory(String path) throws FtpFailure {
        if (path.isEmpty()) {
            return true;
        }
        String here = pwd();
        boolean directory = io(Step.COMMAND, "CWD " + path, () -> client.changeWorkingDirectory(path));
        if (directory) {
            cd(here);
        }
        return directory;
    }

    /** The entries of a directory ("" is the current one), or the file itself when path names a file. */
    public List<RemoteEntry> list(String path) throws FtpFailure {
        String shown = path.isEmpty() ? "." : path;
        boolean mlsd = machineListing();
        FTPFile[] files = io(Step.DIRECTORY, shown, () -> mlsd
                ? (path.isEmpty() ? client.mlistDir() : client.mlistDir(path))
                : (path.isEmpty() ? client.listFiles() : client.listFiles(path)));
        boolean listed = FTPReply.isPositiveCompletion(client.getReplyCode());
        if (!listed || files.length == 0 && !isDirectory(path)) { // some servers list a missing directory as empty
            String detail = listed ? "" : reply();
            FTPFile file = mlsd && !path.isEmpty() ? io(Step.DIRECTORY, shown, () -> client.mlistFile(path)) : null;
            if (file != null && file.isFile()) {
                return List.of(entry(file, path.substring(path.lastIndexOf('/') + 1)));
            }
            throw new FtpFailure(Step.DIRECTORY, shown, detail);
        }
        return Arrays.stream(files)
                .filter(Objects::nonNull)
                .filter(f -> !f.getName().equals(".") && !f.getName().equals(".."))
                .map(f -> entry(f, f.getName()))
                .toList();
    }

    /** The size of a remote file, or -1 when the server does not support SIZE. */
    public long size(String path) throws FtpFailure {
        String size = io(Step.FILE, path, () -> client.getSize(path));
        if (size != null) {
            return Long.parseLong(size.trim());
        }
        if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
            throw missing(path);
        }
        return -1;
    }

    /** Copies a remote file, from offset on (REST), into out; returns the bytes copied. */
    public long retrieve(String path, long offset, OutputStream out, TransferListener listener) throws FtpFailure {
        client.setRestartOffset(offset);
        InputStream in = io(Step.TRANSFER, path, () -> client.retrieveFileStream(path));
        if (in == null) {
            throw client.getReplyCode() == FTPReply.FILE_UNAVAILABLE ? missing(path) : new FtpFailure(Step.TRANSFER, path, reply());
        }
        long copied;
        try (in) {
            copied = pump(in, Step.TRANSFER, path, out, Step.LOCAL, "for " + path, listener);
        } catch (IOException e) {
            throw new FtpFailure(Step.TRANSFER, path, ControlConnection.describe(e), e);
        }
        finish(path);
        return copied;
    }

    /** Uploads a local file as path.part, then renames it to path, so no half-written file ever carries the name. */
    public long upload(Path local, String path, TransferListener listener) throws FtpFailure {
        String part = path + ".part";
        long size = local(local, () -> Files.size(local));
        listener.started(local.getFileName().toString(), 0, size);
        try (InputStream in = local(local, () -> Files.newInputStream(local))) {
            OutputStream out = io(Step.TRANSFER, path, () -> client.storeFileStream(part));
            if (out == null) {
                throw new FtpFailure(Step.TRANSFER, path, reply());
            }
            long copied;
            try (out) {
                copied = pump(in, Step.LOCAL, local.toString(), out, Step.TRANSFER, path, listener);
            } catch (IOException e) { // closing the data connection sends the last bytes
                throw new FtpFailure(Step.TRANSFER, path, ControlConnection.describe(e), e);
            }
            finish(path);
            replace(part, path);
            return copied;
        } catch (FtpFailure e) {
            discard(part, e);
            throw e;
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, local.toString(), ControlConnection.describe(e), e);
        } finally {
            listener.finished();
        }
    }

    public void mkdir(String dir) throws FtpFailure {
        if (!io(Step.COMMAND, "mkdir " + dir, () -> client.makeDirectory(dir))) {
            throw new FtpFailure(Step.COMMAND, "mkdir " + dir, reply());
        }
    }

    /** Deletes a file, or an empty directory. */
    public void delete(String path) throws FtpFailure {
        if (io(Step.COMMAND, "rm " + path, () -> client.deleteFile(path))) {
            return;
        }
        String detail = reply();
        if (isDirectory(path)) {
            if (!io(Step.COMMAND, "rm " + path, () -> client.removeDirectory(path))) {
                throw new FtpFailure(Step.COMMAND, "rm " + path, reply());
            }
            return;
        }
        if (!exists(path)) {
            throw missing(path);
        }
        throw new FtpFailure(Step.COMMAND, "rm " + path, detail);
    }

    public void rename(String from, String to) throws FtpFailure {
        if (!io(Step.COMMAND, "rename " + from, () -> client.rename(from, to))) {
            String detail = reply();
            if (!exists(from)) {
                throw missing(from);
            }
            throw new FtpFailure(Step.COMMAND, "rename " + from + " to " + to, detail);
        }
    }

    @Override
    public void close() {
        ControlConnection.close(client, client::logout, url.address(), LOG);
    }

    private void replace(String part, String path) throws FtpFailure {
        if (!io(Step.COMMAND, "rename " + part, () -> client.rename(part, path))) {
            // some servers refuse to rename onto an existing file: remove it only now that the new one is complete
            io(Step.COMMAND, "rm " + path, () -> client.deleteFile(path));
            rename(part, path);
        }
    }

    private void discard(String part, FtpFailure failure) {
        try {
            if (client.isConnected() && !client.deleteFile(part)) {
                LOG.debug("{} was not there to delete: {}", part, reply());
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private boolean exists(String path) throws FtpFailure {
        return isDirectory(path) || io(Step.COMMAND, "SIZE " + path, () -> client.getSize(path)) != null;
    }

    private void finish(String path) throws FtpFailure {
        if (!io(Step.TRANSFER, path, client::completePendingCommand)) {
            throw new FtpFailure(Step.TRANSFER, path, reply());
        }
    }

    /** "no such directory" when the parent of path is missing, "no such file" otherwise. */
    private FtpFailure missing(String path) throws FtpFailure {
        String detail = reply();
        int slash = path.lastIndexOf('/');
        if (slash > 0 && !isDirectory(path.substring(0, slash))) {
            return new FtpFailure(Step.DIRECTORY, path.substring(0, slash), detail);
        }
        return new FtpFailure(Step.FILE, path, detail);
    }

    private boolean machineListing() throws FtpFailure {
        if (machineListing == null) {
            machineListing = io(Step.COMMAND, "FEAT", () -> client.hasFeature("MLST"));
        }
        return machineListing;
    }

    private static RemoteEntry entry(FTPFile file, String name) {
        return new RemoteEntry(name, file.isDirectory(), file.getSize(), file.getTimestampInstant());
    }

    private static long pump(InputStream in, Step readStep, String readSubject, OutputStream out, Step writeStep,
            String writeSubject, TransferListener listener) throws FtpFailure {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (true) {
            int n = step(readStep, readSubject, () -> in.read(buffer));
            if (n < 0) {
                return copied;
            }
            step(writeStep, writeSubject, () -> {
                out.write(buffer, 0, n);
                return n;
            });
            copied += n;
            listener.transferred(n);
        }
    }

    private static <T> T step(Step step, String subject, Call<T> call) throws FtpFailure {
        try {
            return call.run();
        } catch (FtpFailure e) {
            throw e;
        } catch (IOException e) {
            throw new FtpFailure(step, subject, ControlConnection.describe(e), e);
        }
    }

    private <T> T io(Step step, String subject, Call<T> call) throws FtpFailure {
        return step(step, subject, call);
    }

    private static <T> T local(Path file, Call<T> call) throws FtpFailure {
        return step(Step.LOCAL, file.toString(), call);
    }

    private String reply() {
        return ControlConnection.firstLine(client.getReplyString());
    }

    private static FTPSClient tlsClient(FtpUrl url, boolean insecure) throws FtpFailure {
        FTPSClient client = new FTPSClient(false); // explicit FTPS: AUTH TLS on the control connection
        if (insecure) {
            client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
            client.setEndpointCheckingEnabled(false);
        } else {
            client.setTrustManager(systemTrust(url));
            client.setEndpointCheckingEnabled(true);
        }
        return client;
    }

    /** The JDK's default trust (its CA certificates, or javax.net.ssl.trustStore). */
    private static X509TrustManager systemTrust(FtpUrl url) throws FtpFailure {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new FtpFailure(Step.TLS, url.address(), "the JDK has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new FtpFailure(Step.TLS, url.address(), "cannot load the trusted certificates: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
