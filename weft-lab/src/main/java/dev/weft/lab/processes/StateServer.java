package dev.weft.lab.processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server process of Python's {@code multiprocessing.Manager()}: it holds named dicts and lists of strings and
 * runs each request from a {@link SharedState} client as one step, under one lock, so every client in every
 * process sees one consistent state. {@link #spawn} runs it in a child JVM (which exits with its parent);
 * {@link #serve} runs it in this JVM. Requests are {@link Pipe} frames of fields separated by {@link #SEPARATOR}.
 */
public final class StateServer implements AutoCloseable {

    /** Separates the fields of a request or reply; keys and values must not contain it. */
    static final char SEPARATOR = '\u001f';
    static final String ABSENT = "\u0000";

    private final ServerSocket server;
    private final Map<String, Map<String, String>> dicts = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();

    private StateServer(ServerSocket server) {
        this.server = server;
    }

    /** Serves on 127.0.0.1 at a port the system picks, one virtual thread per client, in this JVM. */
    public static StateServer serve() throws IOException {
        StateServer state = new StateServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread.ofPlatform().daemon().name("weft-state-server-accept").start(state::accept);
        return state;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Runs a state server in a child JVM and returns once it listens; closing the handle ends the child. */
    public static Child spawn() {
        Process process = Jvm.start(ProcessPool.DEFAULT_JVM_OPTIONS, StateServer.class, List.of());
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (line == null || !line.startsWith("port ")) {
                process.destroyForcibly();
                throw new ProcessException("state server JVM pid " + process.pid() + " said '" + line + "' instead of its port");
            }
            return new Child(process, Integer.parseInt(line.substring("port ".length()).trim()));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new ProcessException("cannot read the port of state server JVM pid " + process.pid() + ": " + e.getMessage(), e);
        }
    }

    /** The child JVM's main: serve, print {@code port N}, and exit when the parent's pipe ends. */
    public static void main(String[] args) throws IOException {
        StateServer state = serve();
        System.out.println("port " + state.port());
        System.out.flush();
        Jvm.untilParentExits();
        System.exit(0);
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().name("weft-state-server-client").start(() -> client(socket));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void client(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            Pipe pipe = Pipe.over(s);
            for (Optional<String> request = pipe.receive(); request.isPresent(); request = pipe.receive()) {
                pipe.send(answer(request.get().split(String.valueOf(SEPARATOR), -1)));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** One request, done as one step: the manager's guarantee is per call, not across calls. */
    synchronized String answer(String[] request) {
        try {
            return switch (request[0]) {
                case "put" -> Optional.ofNullable(dict(request[1]).put(request[2], request[3])).orElse(ABSENT);
                case "get" -> Optional.ofNullable(dict(request[1]).get(request[2])).orElse(ABSENT);
                case "add" -> String.valueOf(dict(request[1]).merge(request[2], request[3],
                        (old, delta) -> String.valueOf(Long.parseLong(old) + Long.parseLong(delta))));
                case "dict" -> join(dict(request[1]).entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toList());
                case "append" -> {
                    List<String> list = lists.computeIfAbsent(request[1], k -> new ArrayList<>());
                    list.add(request[2]);
                    yield String.valueOf(list.size());
                }
                case "list" -> join(lists.getOrDefault(request[1], List.of()));
                default -> "!unknown request " + request[0];
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return "!bad request " + String.join(" ", request) + ": " + e.getMessage();
        }
    }

    private Map<String, String> dict(String name) {
        return dicts.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    static String join(List<String> fields) {
        return String.join(String.valueOf(SEPARATOR), fields);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A state server running in a child JVM. */
    public static final class Child implements AutoCloseable {
        private final Process process;
        private final int port;

        private Child(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        public int port() {
            return port;
        }

        public long pid() {
            return process.pid();
        }

        /** Ends the child (closing its stdin is enough; it is killed if it lingers) and reaps it. */
        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
