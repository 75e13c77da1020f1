package dev.weft.bench.servers;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;

/**
 * weft's files service sharing the site's {@code static/} folder read-only, as {@code weft files server} does,
 * for {@code weft bench files}: {@code --port P --site DIR [--model M]} (one process; not the processes model).
 */
public final class FilesBenchServer {

    private FilesBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        Model model = args.engineModel();
        ServerConfig config = ServerConfig.builder("files").bind(ServerArgs.HOST, args.port()).model(model).build();
        TcpServer server = TcpServer.start(config, FilesService.create(SharedDirectory.open(args.staticDir(), false)));
        ServerArgs.config("weft FilesService (framed and raw protocols on one port), model " + model.spec()
                + ", read-only share of the site's static/ folder, default Limits");
        ServerArgs.ready();
        server.awaitClosed();
    }
}
