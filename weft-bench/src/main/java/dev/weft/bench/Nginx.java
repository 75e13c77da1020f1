package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import dev.weft.bench.servers.HelloApp;

/**
 * nginx from apt, run in the foreground under a private temp prefix with a generated configuration
 * following nginx's own tuning advice for static content: a given number of workers, epoll, sendfile with
 * tcp_nopush, an open-file cache, no access log, long keep-alive, and an {@code ssl} listener when asked.
 */
final class Nginx {

    private Nginx() {
    }

    /** The nginx binary, installed from apt when missing and running as root. */
    static Path locate() throws IOException, InterruptedException {
        Path found = Tools.onPath("nginx");
        if (found == null) {
            Tools.aptInstall("nginx-light");
            found = Tools.onPath("nginx");
        }
        if (found == null) {
            throw new ToolMissingException("nginx", "install it with 'apt-get install nginx-light'");
        }
        return found;
    }

    static String version(Path nginx) throws IOException, InterruptedException {
        return Tools.output(List.of(nginx.toString(), "-v"), Duration.ofSeconds(5)).replace("nginx version: ", "");
    }

    /**
     * One nginx configuration.
     *
     * @param site    the folder served under {@code /static/}
     * @param port    the plain HTTP port
     * @param workers {@code worker_processes}
     * @param tlsPort the {@code ssl} port, 0 for none
     * @param tls     the certificate and key of the {@code ssl} port, null without one
     */
    record Setup(Path site, int port, int workers, int tlsPort, ServerLauncher.TlsFiles tls) {
        Setup {
            if (workers < 1) {
                throw new IllegalArgumentException("nginx needs at least 1 worker, not " + workers);
            }
            if ((tlsPort == 0) != (tls == null)) {
                throw new IllegalArgumentException("a TLS port needs a certificate, and a certificate a TLS port");
            }
        }
    }

    /** Writes {@code nginx.conf} under a new prefix folder in {@code work} and returns the command that runs it. */
    static List<String> prepare(Path nginx, Path work, Setup setup) throws IOException {
        Path prefix = Files.createTempDirectory(work, "nginx-");
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, setup));
        return List.of(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-e", prefix.resolve("error.log").toString());
    }

    /**
     * The configuration: {@code setup.workers()} workers, {@code /hello} and {@code /route} answered with
     * {@code return 200}, {@code /static/} from the site, and the same on an {@code ssl} listener (TLS 1.3 only,
     * a session cache as nginx's HTTPS advice has it) when {@code setup} has one.
     */
    static String config(Path prefix, Setup setup) {
        String locations = """
                        location = /hello {
                            default_type text/plain;
                            return 200 "Hello, World!";
                        }
                        location = %1$s {
                            default_type text/plain;
                            return 200 "Hello, World!";
                        }
                        location /static/ {
                            root %2$s;
                        }
                """.formatted(HelloApp.PATH, setup.site());
        String tlsServer = setup.tls() == null ? "" : """
                    server {
                        listen 127.0.0.1:%1$d ssl backlog=1024;
                        ssl_certificate %2$s;
                        ssl_certificate_key %3$s;
                        ssl_protocols TLSv1.3;
                        ssl_session_cache shared:SSL:10m;
                        ssl_session_timeout 10m;
                %4$s    }
                """.formatted(setup.tlsPort(), setup.tls().certificate(), setup.tls().key(), locations);
        return """
                daemon off;
                master_process on;
                worker_processes %1$d;
                worker_rlimit_nofile 20000;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events {
                    worker_connections 20000;
                    use epoll;
                    multi_accept on;
                }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 300s;
                    keepalive_requests 1000000;
                    open_file_cache max=1000 inactive=60s;
                    open_file_cache_valid 60s;
                    types { text/html html; application/octet-stream bin; }
                    default_type application/octet-stream;
                    client_body_temp_path %2$s/client_body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d backlog=1024;
                %4$s    }
                %5$s}
                """.formatted(setup.workers(), prefix, setup.port(), locations, tlsServer);
    }
}
