package dev.weft.lab.processes;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client of a {@link StateServer}: the proxies Python's {@code manager.dict()} and {@code manager.list()} hand out,
 * for any process that knows the server's port. Each call is one request and one reply; each is done on the server
 * as one step, so {@link #add} never loses an update, while a {@link #get} followed by a {@link #put} can (another
 * process may write in between, exactly as {@code d[k] += 1} through a Python proxy can).
 * One client is used by one thread at a time (calls are synchronized).
 */
public final class SharedState implements AutoCloseable {

    private final Pipe pipe;

    private SharedState(Pipe pipe) {
        this.pipe = pipe;
    }

    public static SharedState connect(int port) throws IOException {
        return new SharedState(Pipe.connect(port));
    }

    /** Sets {@code dict[key] = value}; returns the previous value, if any. */
    public Optional<String> put(String dict, String key, String value) throws IOException {
        return optional(call("put", dict, key, value));
    }

    public Optional<String> get(String dict, String key) throws IOException {
        return optional(call("get", dict, key));
    }

    /** Adds {@code delta} to the number at {@code dict[key]} (absent counts as 0) in one step; returns the new value. */
    public long add(String dict, String key, long delta) throws IOException {
        return Long.parseLong(call("add", dict, key, String.valueOf(delta)));
    }

    /** A copy of the whole dict, in insertion order. */
    public Map<String, String> dict(String dict) throws IOException {
        List<String> fields = fields(call("dict", dict));
        Map<String, String> copy = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            copy.put(fields.get(i), fields.get(i + 1));
        }
        return copy;
    }

    /** Appends to the list; returns its new size. */
    public int append(String list, String value) throws IOException {
        return Integer.parseInt(call("append", list, value));
    }

    /** A copy of the whole list. */
    public List<String> list(String list) throws IOException {
        return fields(call("list", list));
    }

    private synchronized String call(String... request) throws IOException {
        for (String field : request) {
            if (field.indexOf(StateServer.SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a shared key or value cannot contain U+001F: " + field);
            }
        }
        pipe.send(StateServer.join(List.of(request)));
        String reply = pipe.receive().orElseThrow(() -> new IOException("the state server closed the connection"));
        if (reply.startsWith("!")) {
            throw new IOException("the state server refused: " + reply.substring(1));
        }
        return reply;
    }

    private static Optional<String> optional(String reply) {
        return reply.equals(StateServer.ABSENT) ? Optional.empty() : Optional.of(reply);
    }

    private static List<String> fields(String reply) {
        return reply.isEmpty() ? List.of() : Arrays.asList(reply.split(String.valueOf(StateServer.SEPARATOR), -1));
    }

    @Override
    public void close() throws IOException {
        pipe.close();
    }
}
