package dev.weft.tools.news;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A private INN (innd from Debian's inn2) for one test run: its own inn.conf with every path* setting, its own
 * active and history files, on 127.0.0.1 and a free port, run with {@code innd -f} and stopped with
 * {@code ctlinnd shutdown} (SIGTERM is not enough). Tests using it skip only when innd is not installed.
 */
final class InnServer implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/news/bin");
    static final String PASSWORD = "secret";

    private final Path dir;
    private final int port;
    private final Process innd;

    private InnServer(Path dir, int port, Process innd) {
        this.dir = dir;
        this.port = port;
        this.innd = innd;
    }

    /** Starts INN in dir with the given groups; "weft.private" is readable only after AUTHINFO as "reader". */
    static InnServer start(Path dir, List<String> groups) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("innd")), "innd (Debian inn2) is not installed");
        for (String sub : List.of("etc", "db", "log", "run", "http", "tmp", "spool/articles", "spool/overview",
                "spool/incoming/tmp", "spool/outgoing", "spool/archive")) {
            Files.createDirectories(dir.resolve(sub));
        }
        for (String file : List.of("newsfeeds", "incoming.conf", "storage.conf", "expire.ctl", "control.ctl",
                "distrib.pats", "distributions", "moderators", "localgroups", "subscriptions", "nnrpd.track",
                "passwd.nntp", "inn-secrets.conf")) {
            Path source = Path.of("/etc/news", file);
            if (Files.exists(source)) {
                Files.copy(source, dir.resolve("etc").resolve(file));
            }
        }
        int port = freePort();
        Files.writeString(dir.resolve("etc/inn.conf"), innConf(dir, port));
        Files.writeString(dir.resolve("etc/readers.conf"), """
                auth "local" {
                    hosts: "127.0.0.1, ::1, localhost"
                    auth: "ckpasswd -f %s"
                    default: "<local>"
                }
                access "local" {
                    users: "*"
                    newsgroups: "*,!weft.private"
                    access: RPA
                }
                access "reader" {
                    users: "reader"
                    newsgroups: "*"
                    access: RPA
                }
                """.formatted(dir.resolve("etc/passwd")));
        StringBuilder active = new StringBuilder("""
                control 0000000000 0000000001 n
                control.cancel 0000000000 0000000001 n
                junk 0000000000 0000000001 n
                """);
        groups.forEach(group -> active.append(group).append(" 0000000000 0000000001 y\n"));
        Files.writeString(dir.resolve("db/active"), active);
        Files.writeString(dir.resolve("db/history"), "");
        Files.writeString(dir.resolve("db/newsgroups"), "");
        run(dir, List.of("sh", "-c", "printf 'reader:%s\\n' \"$(openssl passwd -1 " + PASSWORD + ")\" > "
                + dir.resolve("etc/passwd")));
        run(dir, List.of("chmod", "755", dir.toString()));
        run(dir, List.of("chown", "-R", "news:news", dir.toString()));
        run(dir.resolve("db"), List.of("su", "news", "-s", "/bin/sh", "-c",
                "INNCONF=" + dir.resolve("etc/inn.conf") + " " + BIN.resolve("makedbz") + " -i -o -s 1000"));
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("innd").toString(), "-f")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("innd.out").toFile());
        builder.environment().put("INNCONF", dir.resolve("etc/inn.conf").toString());
        InnServer server = new InnServer(dir, port, builder.start());
        try {
            await().atMost(Duration.ofSeconds(20)).until(server::accepting);
        } catch (RuntimeException e) {
            server.close();
            throw new IOException("innd did not start: " + Files.readString(dir.resolve("innd.out"))
                    + Files.readString(dir.resolve("log/errlog")) + e.getCause(), e);
        }
        return server;
    }

    int port() {
        return port;
    }

    NewsServer address() {
        return NewsServer.parse("127.0.0.1:" + port, false);
    }

    private boolean accepting() {
        if (!innd.isAlive()) {
            throw new IllegalStateException("innd exited with " + innd.exitValue());
        }
        try (Socket socket = new Socket("127.0.0.1", port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(5000);
            if (!in.readLine().startsWith("2")) {
                return false;
            }
            socket.getOutputStream().write("MODE READER\r\n".getBytes(StandardCharsets.US_ASCII));
            return in.readLine().startsWith("20"); // nnrpd is there for readers too
        } catch (IOException | NullPointerException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder shutdown = new ProcessBuilder(BIN.resolve("ctlinnd").toString(), "-t", "10", "shutdown", "weft tests done")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        shutdown.environment().put("INNCONF", dir.resolve("etc/inn.conf").toString());
        shutdown.start().waitFor(15, TimeUnit.SECONDS);
        if (!innd.waitFor(15, TimeUnit.SECONDS)) {
            innd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String innConf(Path dir, int port) {
        return """
                domain: test.invalid
                pathhost: weft.test.invalid
                mta: "/bin/true %%s"
                organization: "weft tests"
                ovmethod: tradindexed
                hismethod: hisv6
                enableoverview: true
                pathnews: /usr/lib/news
                pathbin: /usr/lib/news/bin
                pathcontrol: /usr/lib/news/bin/control
                pathfilter: /etc/news/filter
                pathetc: %1$s/etc
                pathdb: %1$s/db
                pathrun: %1$s/run
                pathlog: %1$s/log
                pathhttp: %1$s/http
                pathtmp: %1$s/tmp
                pathspool: %1$s/spool
                patharticles: %1$s/spool/articles
                pathoverview: %1$s/spool/overview
                pathincoming: %1$s/spool/incoming
                pathoutgoing: %1$s/spool/outgoing
                patharchive: %1$s/spool/archive
                bindaddress: 127.0.0.1
                port: %2$d
                server: 127.0.0.1
                nnrpdpostport: %2$d
                """.formatted(dir, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
