package dev.weft.tools.ftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real Apache FtpServer on 127.0.0.1, port 0, passive ports on 127.0.0.1, serving a directory: an anonymous
 * read-only user, "writer"/"secret" with write access
 * and "slow"/"secret", read-only and throttled. With a key store it also offers explicit FTPS (AUTH TLS).
 */
final class FtpTestServer implements AutoCloseable {

    static final String WRITER = "writer";
    static final String SECRET = "secret";
    /** A read-only user whose transfers the server throttles, so that a test can stop the server mid-transfer. */
    static final String SLOW = "slow";
    static final int SLOW_RATE = 2 * 1024 * 1024;

    private final FtpServer server;
    private final int port;

    private FtpTestServer(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static FtpTestServer start(Path root) throws FtpException {
        return start(root, null);
    }

    static FtpTestServer start(Path root, Path keyStore) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        if (keyStore != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keyStore.toFile());
            ssl.setKeystorePassword(TestCertificate.PASSWORD);
            ssl.setKeystoreType("PKCS12");
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(false);
            data.setSslConfiguration(ssl.createSslConfiguration());
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        users.save(user("anonymous", null, root, List.of()));
        users.save(user(WRITER, SECRET, root, List.of(new WritePermission())));
        users.save(user(SLOW, SECRET, root, List.of(new TransferRatePermission(SLOW_RATE, SLOW_RATE))));
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        int port = ((DefaultFtpServer) server).getListener("default").getPort();
        return new FtpTestServer(server, port);
    }

    private static BaseUser user(String name, String password, Path home, List<Authority> authorities) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(authorities);
        return user;
    }

    int port() {
        return port;
    }

    /** An ftp:// URL for the anonymous user. */
    FtpUrl anonymous(String path) {
        return FtpUrl.parse("ftp://127.0.0.1:" + port + "/" + path);
    }

    /** An ftp:// URL for the user with write access. */
    FtpUrl writer(String path) {
        return FtpUrl.parse("ftp://" + WRITER + ":" + SECRET + "@127.0.0.1:" + port + "/" + path);
    }

    /** An ftp:// URL for the throttled read-only user. */
    FtpUrl slow(String path) {
        return FtpUrl.parse("ftp://" + SLOW + ":" + SECRET + "@127.0.0.1:" + port + "/" + path);
    }

    /**
     * Dies like a crashed server: closes every data connection under way, then stops. A second call does nothing:
     * bytes already in the client's socket buffer still arrive after the crash and may ask for it again.
     */
    void crash() {
        if (server.isStopped()) {
            return;
        }
        ((DefaultFtpServer) server).getListener("default").getActiveSessions()
                .forEach(session -> session.getDataConnection().closeDataConnection());
        stop();
    }

    void stop() {
        if (!server.isStopped()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void write(Path file, byte[] bytes) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
