package dev.weft.services.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

/**
 * Everything one chat needs.
 *
 * @param server     the socket to receive on (and send from) and the model handlers run under; not processes
 * @param peers      who each message goes to (more can be added while chatting)
 * @param name       the name put in front of sent messages, or null to send bare text like the seeds
 * @param wire       the wire encoding and the size limit
 * @param history    the file every message is appended to, or null
 * @param clock      the time messages are stamped with
 * @param probeWait  how long a reachability probe waits for "port unreachable"
 * @param quietAfter a peer heard from, or probed without error, within this long is not probed again
 */
public record ChatConfig(ServerConfig server, List<Peer> peers, String name, WireFormat wire, Path history,
                         Clock clock, Duration probeWait, Duration quietAfter) {

    public ChatConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(probeWait, "probeWait");
        Objects.requireNonNull(quietAfter, "quietAfter");
        peers = List.copyOf(peers);
        if (server.model() instanceof Model.Processes) {
            throw new IllegalArgumentException("chat cannot run under the processes model: a chat is one socket and one user"
                    + " (use thread, pool, virtual or event-loop)");
        }
        if (name != null && !WireFormat.validName(name)) {
            throw new IllegalArgumentException("bad name '" + name + "': use 1 to 32 letters, digits, '_', '-' or '.'");
        }
    }

    /** A chat on {@code server} with the defaults: no name, UTF-8, 8 KiB, no history, system clock. */
    public static ChatConfig of(ServerConfig server, List<Peer> peers) {
        return new ChatConfig(server, peers, null, WireFormat.utf8(), null, Clock.systemDefaultZone(),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public ChatConfig withName(String other) {
        return new ChatConfig(server, peers, other, wire, history, clock, probeWait, quietAfter);
    }

    public ChatConfig withWire(WireFormat other) {
        return new ChatConfig(server, peers, name, other, history, clock, probeWait, quietAfter);
    }

    public ChatConfig withHistory(Path other) {
        return new ChatConfig(server, peers, name, wire, other, clock, probeWait, quietAfter);
    }
}
