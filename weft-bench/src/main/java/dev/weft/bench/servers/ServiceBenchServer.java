package dev.weft.bench.servers;

import java.util.ArrayList;
import java.util.List;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.WorkerCommand;
import dev.weft.services.echo.Echo;
import dev.weft.services.time.TimeFormat;
import dev.weft.services.time.TimeService;
import dev.weft.services.time.Timestamp;

/**
 * weft's echo or time service over TCP under one model, for {@code weft bench models}:
 * {@code --port P --site DIR --model M --service echo|time}.
 */
public final class ServiceBenchServer {

    private ServiceBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        List<String> rest = new ArrayList<>(List.of(argv));
        int at = rest.indexOf("--service");
        if (at < 0 || at + 1 >= rest.size()) {
            throw new IllegalArgumentException("usage: --port P --site DIR --model M --service echo|time");
        }
        String service = rest.remove(at + 1);
        rest.remove(at);
        boolean worker = rest.remove("--worker");
        ServerArgs args = ServerArgs.parse(rest.toArray(String[]::new));
        Model model = args.engineModel();
        ServerConfig config = ServerConfig.builder(service)
                .bind(ServerArgs.HOST, args.port())
                .model(model)
                .limits(Limits.DEFAULT.withMaxConnections(20_000))
                .worker(worker)
                .workerCommand(WorkerCommand.java(ServiceBenchServer.class.getName(), port -> List.of(
                        "--port", Integer.toString(port), "--site", args.site().toString(), "--model", "virtual",
                        "--service", service, "--worker")))
                .build();
        TcpServer server = switch (service) {
            case "echo" -> TcpServer.start(config, Echo.tcp());
            case "time" -> TcpServer.start(config, TimeService.tcp(new Timestamp(java.time.Clock.systemUTC(), TimeFormat.ISO, java.nio.charset.StandardCharsets.UTF_8),
                    TimeService.DEFAULT_PAUSE, Limits.DEFAULT.maxLineLength()));
            default -> throw new IllegalArgumentException("unknown service '" + service + "' (expected echo or time)");
        };
        if (!worker) {
            ServerArgs.config("weft " + service + " service, model " + model.spec());
            ServerArgs.ready();
        }
        server.awaitClosed();
    }
}
