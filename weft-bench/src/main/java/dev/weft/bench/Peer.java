package dev.weft.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The servers {@code weft bench http} can start: weft itself, the Java peers and nginx. */
public enum Peer {
    WEFT("dev.weft.bench.servers.WeftBenchServer"),
    JETTY("dev.weft.bench.servers.JettyBenchServer"),
    UNDERTOW("dev.weft.bench.servers.UndertowBenchServer"),
    NETTY("dev.weft.bench.servers.NettyBenchServer"),
    HELIDON("dev.weft.bench.servers.HelidonBenchServer"),
    JDK("dev.weft.bench.servers.JdkBenchServer"),
    NGINX(null);

    private final String mainClass;

    Peer(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The main class of a Java server; null for nginx, which is a native process. */
    public String mainClass() {
        return mainClass;
    }

    public boolean isJava() {
        return mainClass != null;
    }

    /** The spelling used on the command line and in reports, e.g. {@code netty}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a report's server name, e.g. {@code netty (1 loop)} or {@code jdk}, is a configuration of this server. */
    public boolean runs(String serverName) {
        return serverName.equals(id()) || serverName.startsWith(id() + " (");
    }

    /**
     * Parses a {@code --servers} name.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted names
     */
    public static Peer parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown server '" + name + "' (expected one of "
                        + Arrays.stream(values()).map(Peer::id).collect(Collectors.joining(", ")) + ")"));
    }
}
