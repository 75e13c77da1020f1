package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * nginx from apt, run in the foreground under a private temp prefix with a generated configuration
 * following nginx's own tuning advice for static content: a worker per core, epoll, sendfile with
 * tcp_nopush, an open-file cache, no access log, long keep-alive.
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

    /** Writes {@code nginx.conf} under a new prefix folder in {@code work} and returns the command that runs it. */
    static List<String> prepare(Path nginx, Path work, Path site, int port) throws IOException {
        Path prefix = Files.createTempDirectory(work, "nginx-");
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, site, port));
        return List.of(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-e", prefix.resolve("error.log").toString());
    }

    static String config(Path prefix, Path site, int port) {
        return """
                daemon off;
                master_process on;
                worker_processes auto;
                worker_rlimit_nofile 20000;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
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
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d backlog=1024;
                        location = /hello {
                            default_type text/plain;
                            return 200 "Hello, World!";
                        }
                        location /static/ {
                            root %3$s;
                        }
                    }
                }
                """.formatted(prefix, port, site);
    }
}
