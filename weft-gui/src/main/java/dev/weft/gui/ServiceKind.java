package dev.weft.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;
import dev.weft.services.echo.Echo;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;
import dev.weft.services.time.TimeFormat;
import dev.weft.services.time.TimeService;
import dev.weft.services.time.Timestamp;

/** The servers the Servers tab can start, each the same service its {@code weft} command runs. */
enum ServiceKind {
    ECHO("echo", 7000, false),
    TIME("time", TimeService.DEFAULT_PORT, false),
    HTTP("folder over HTTP", 8000, true),
    FILES("files", FilesPanel.DEFAULT_PORT, true);

    private final String label;
    private final int defaultPort;
    private final boolean needsFolder;

    ServiceKind(String label, int defaultPort, boolean needsFolder) {
        this.label = label;
        this.defaultPort = defaultPort;
        this.needsFolder = needsFolder;
    }

    int defaultPort() {
        return defaultPort;
    }

    boolean needsFolder() {
        return needsFolder;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * Starts this service; blocking (it binds), so never on the EDT.
     *
     * @throws IOException naming the address or folder that could not be used
     */
    RunningService start(ServerConfig config, Path folder) throws IOException {
        return switch (this) {
            case ECHO -> new RunningService(this, TcpServer.start(config, Echo.tcp()), null);
            case TIME -> new RunningService(this, TcpServer.start(config, TimeService.tcp(
                    new Timestamp(Clock.systemDefaultZone(), TimeFormat.CTIME, java.nio.charset.StandardCharsets.UTF_8),
                    TimeService.DEFAULT_PAUSE, config.limits().maxLineLength())), null);
            case HTTP -> {
                LongAdder requests = new LongAdder();
                HttpSettings settings = HttpSettings.DEFAULT.withAccessLog(entry -> requests.increment());
                HttpServer http = HttpServer.start(config, settings, new FileServer(FileServerOptions.of(folder).withListing(true)));
                yield new RunningService(this, http.tcp(), requests);
            }
            case FILES -> new RunningService(this, TcpServer.start(config, FilesService.create(SharedDirectory.open(folder, false))), null);
        };
    }
}
