package dev.weft.services.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.weft.engine.Datagram;
import dev.weft.engine.DatagramSender;
import dev.weft.engine.UdpServer;
import dev.weft.services.chat.ChatMessage.Direction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LAN chat peer: the seeds' two-thread UDP chat made dependable. The caller's thread feeds typed lines to
 * {@link #input}; the engine's {@link UdpServer} receives concurrently under the configured model, and every
 * message is shown and written to the history in the order it arrived.
 */
public final class Chat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Chat.class);
    private static final int MAX_STRANGERS_NOTED = 256;

    private final ChatConfig config;
    private final ChatScreen screen;
    private final History history;
    private final Map<InetSocketAddress, PeerLink> peers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<InetSocketAddress> strangersNoted = ConcurrentHashMap.newKeySet();
    private final ArrivalOrder<Arrival> order;
    private final AtomicBoolean historyFailed = new AtomicBoolean();
    private final AtomicLong probesDone = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final UdpServer server;

    private Chat(ChatConfig config, ChatScreen screen, History history) throws IOException {
        this.config = config;
        this.screen = screen;
        this.history = history;
        this.order = new ArrivalOrder<>(this::show);
        config.peers().forEach(this::addPeer);
        this.server = UdpServer.start(config.server(), this::received);
    }

    /**
     * Opens the history file, binds the socket and starts receiving.
     *
     * @throws IOException naming the history file or the address that could not be opened
     */
    public static Chat start(ChatConfig config, ChatScreen screen) throws IOException {
        History history = config.history() == null ? null : History.open(config.history());
        try {
            return new Chat(config, screen, history);
        } catch (IOException | RuntimeException e) {
            if (history != null) {
                history.close();
            }
            throw e;
        }
    }

    /** The address the chat receives on. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** E.g. {@code Chatting on 0.0.0.0 port 8080 (model: virtual) with 192.168.1.20:8080; /help lists the commands}. */
    public String startupLine() {
        List<Peer> list = peers();
        return "Chatting on " + address().getAddress().getHostAddress() + " port " + address().getPort()
                + " (model: " + config.server().model().spec() + ")"
                + (list.isEmpty() ? " with no peers yet (/to HOST:PORT adds one)"
                        : " with " + String.join(", ", list.stream().map(Peer::label).toList()))
                + "; /help lists the commands";
    }

    public List<Peer> peers() {
        synchronized (peers) {
            return peers.values().stream().map(PeerLink::peer).toList();
        }
    }

    /**
     * Handles one typed line: sends it to every peer or runs the command.
     *
     * @return false when the line asks to leave
     */
    public boolean input(String line) {
        switch (Input.parse(line)) {
            case Input.Quit quit -> {
                return false;
            }
            case Input.Say say -> say(say.text());
            case Input.ListPeers list -> listPeers();
            case Input.AddPeer add -> addPeerTyped(add.spec());
            case Input.Help help -> screen.notice(Input.HELP);
            case Input.Unknown unknown -> screen.notice("unknown command " + unknown.command() + ": /help lists the commands");
            case Input.Blank blank -> { }
        }
        return true;
    }

    private void say(String text) {
        byte[] datagram;
        try {
            datagram = config.wire().encode(config.name(), text);
        } catch (UnsendableMessage e) {
            screen.notice(e.getMessage());
            return;
        }
        List<PeerLink> links;
        synchronized (peers) {
            links = new ArrayList<>(peers.values());
        }
        if (links.isEmpty()) {
            screen.notice("not sent: no peers yet (/to HOST:PORT adds one)");
            return;
        }
        for (PeerLink link : links) {
            server.send(datagram, link.peer().address());
        }
        ChatMessage sent = ChatMessage.now(config.clock(), Direction.SENT, config.name() == null ? "me" : config.name(), text);
        screen.sent(sent);
        record(sent);
        links.forEach(this::probeIfQuiet);
    }

    private void listPeers() {
        List<String> lines = new ArrayList<>();
        synchronized (peers) {
            for (PeerLink link : peers.values()) {
                String name = link.name();
                lines.add("  " + link.peer().label() + (name == null ? "" : " (" + Printable.forTerminal(name) + ")"));
            }
        }
        screen.notice(lines.isEmpty() ? "no peers yet (/to HOST:PORT adds one)" : "peers:\n" + String.join("\n", lines));
    }

    private void addPeerTyped(String spec) {
        Peer peer;
        try {
            peer = Peer.parse(spec);
        } catch (IllegalArgumentException e) {
            screen.notice(e.getMessage());
            return;
        }
        screen.notice(addPeer(peer) ? "added peer " + peer.label() : peer.label() + " is already a peer");
    }

    private boolean addPeer(Peer peer) {
        return peers.putIfAbsent(peer.address(), new PeerLink(peer, config.probeWait())) == null;
    }

    /** The engine's handler: runs on the model's threads, possibly several at once. */
    private void received(Datagram datagram, DatagramSender sender) {
        Arrival arrival = null;
        try {
            if (!PeerLink.isProbe(datagram.data())) {
                arrival = arrival(datagram);
            }
        } finally {
            order.arrived(datagram.sequence(), arrival);
        }
    }

    private Arrival arrival(Datagram datagram) {
        WireFormat.Incoming incoming = config.wire().decode(datagram.data());
        PeerLink link = peers.get(datagram.sender());
        String address = Peer.label(datagram.sender());
        String from;
        if (link != null) {
            link.heard(incoming.name(), System.nanoTime());
            from = incoming.name() != null ? incoming.name() : address;
        } else {
            from = incoming.name() != null ? incoming.name() + " (" + address + ")" : address;
        }
        String historySender = incoming.name() != null ? incoming.name() + "@" + address : address;
        ChatMessage message = ChatMessage.now(config.clock(), Direction.RECEIVED, from, incoming.text());
        return new Arrival(message, historySender, link == null ? datagram.sender() : null, datagram.truncated());
    }

    /** Runs in arrival order, one at a time. */
    private void show(Arrival arrival) {
        screen.received(arrival.message());
        if (arrival.truncated()) {
            screen.notice("(that message was longer than " + config.server().limits().maxDatagram() + " bytes and was cut)");
        }
        if (arrival.stranger() != null && strangersNoted.size() < MAX_STRANGERS_NOTED && strangersNoted.add(arrival.stranger())) {
            String label = Peer.label(arrival.stranger());
            screen.notice("(" + label + " is not one of your peers: /to " + label + " to write to it too)");
        }
        ChatMessage message = arrival.message();
        record(new ChatMessage(message.time(), message.direction(), arrival.historySender(), message.text()));
    }

    private void record(ChatMessage message) {
        if (history == null) {
            return;
        }
        try {
            history.append(message);
        } catch (IOException e) {
            if (historyFailed.compareAndSet(false, true)) {
                screen.notice("cannot write history file " + history.file() + ": " + History.reason(e)
                        + " (chat goes on without it)");
            }
            log.debug("history append failed", e);
        }
    }

    private void probeIfQuiet(PeerLink link) {
        if (!link.startProbe(config.quietAfter(), System.nanoTime())) {
            return;
        }
        Thread.ofVirtual().name("weft-chat-probe").start(() -> {
            try {
                if (link.probe() == PeerLink.Probe.UNREACHABLE && link.firstReport()) {
                    screen.notice("peer " + link.peer().label() + " is unreachable: nothing listens on that port"
                            + " (messages to it are lost until it starts)");
                }
            } catch (IOException e) {
                if (!closed.get() && link.firstReport()) {
                    screen.notice("peer " + link.peer().label() + " is unreachable: " + e.getMessage());
                }
            } finally {
                probesDone.incrementAndGet();
            }
        });
    }

    /** Probes finished so far; tests wait on it. */
    long probesDone() {
        return probesDone.get();
    }

    /** Stops receiving (waiting for messages being handled), then closes the history. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        synchronized (peers) {
            peers.values().forEach(PeerLink::close);
        }
        if (history != null) {
            history.close();
        }
    }

    /** A received message on its way to the screen and history. */
    private record Arrival(ChatMessage message, String historySender, InetSocketAddress stranger, boolean truncated) {
    }
}
