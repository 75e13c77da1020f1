package dev.weft.services.time;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.engine.WorkerCommand;

/**
 * Starts time servers for tests on a fixed clock, under any model: worker processes of the processes
 * model run {@link #main} with the same clock, so every model gives the same bytes.
 */
final class TimeFixture {

    /** 08:59:10.250 UTC is 16:59:10 in Shanghai on Saturday the 8th: a space-padded day in ctime. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-05-08T08:59:10.250Z"), ZoneId.of("Asia/Shanghai"));
    static final String PREFIX = "[Sat May  8 16:59:10 2021]: ";

    private TimeFixture() {
    }

    static Timestamp stamp(Charset charset) {
        return new Timestamp(CLOCK, TimeFormat.CTIME, charset);
    }

    static TcpServer tcp(Model model, String bind) throws IOException {
        return tcp(model, bind, Limits.DEFAULT, TimeService.DEFAULT_PAUSE);
    }

    static TcpServer tcp(Model model, String bind, Limits limits, Duration pause) throws IOException {
        return TcpServer.start(config(model, bind, limits, "tcp"),
                TimeService.tcp(stamp(StandardCharsets.UTF_8), pause, limits.maxLineLength()));
    }

    static UdpServer udp(Model model, String bind) throws IOException {
        return udp(model, bind, Limits.DEFAULT);
    }

    static UdpServer udp(Model model, String bind, Limits limits) throws IOException {
        return UdpServer.start(config(model, bind, limits, "udp"), TimeService.udp(stamp(StandardCharsets.UTF_8)));
    }

    private static ServerConfig config(Model model, String bind, Limits limits, String transport) {
        return ServerConfig.builder("time").bind(bind, 0).model(model).limits(limits)
                .workerCommand(WorkerCommand.java(TimeFixture.class.getName(),
                        port -> List.of(transport, bind, Integer.toString(port))))
                .build();
    }

    /** A worker process of the processes model: {@code tcp|udp BIND PORT}, default limits, fixed clock. */
    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("time").bind(args[1], Integer.parseInt(args[2])).worker(true).build();
        Timestamp stamp = stamp(StandardCharsets.UTF_8);
        if (args[0].equals("udp")) {
            UdpServer.start(config, TimeService.udp(stamp)).awaitClosed();
        } else {
            TcpServer.start(config, TimeService.tcp(stamp, TimeService.DEFAULT_PAUSE, config.limits().maxLineLength())).awaitClosed();
        }
    }
}
