package dev.weft.engine;

import java.util.List;

/**
 * How a server runs its connections: the closed set of concurrency models weft offers.
 * Parsed from the {@code --model} spelling ({@code thread}, {@code pool:8}, {@code virtual},
 * {@code event-loop:2}, {@code processes:4}) and printed back the same way.
 */
public sealed interface Model {

    /** The {@code --model} spelling of this model, e.g. {@code pool:8}. */
    String spec();

    /** A new platform thread per connection: the seeds' threading server. */
    record PerConnectionThread() implements Model {
        @Override
        public String spec() {
            return "thread";
        }
    }

    /** A fixed pool of platform threads; when all are busy, new connections wait in the backlog. */
    record Pool(int threads) implements Model {
        public Pool {
            requirePositive(threads, "pool");
        }

        @Override
        public String spec() {
            return "pool:" + threads;
        }
    }

    /** A virtual thread per connection: the seeds' coroutines. The default. */
    record Virtual() implements Model {
        @Override
        public String spec() {
            return "virtual";
        }
    }

    /** N selector threads with non-blocking I/O: the seeds' Twisted reactor. */
    record EventLoop(int loops) implements Model {
        public EventLoop {
            requirePositive(loops, "event-loop");
        }

        @Override
        public String spec() {
            return "event-loop:" + loops;
        }
    }

    /** N worker processes sharing the port with SO_REUSEPORT, each running {@link Virtual} inside. */
    record Processes(int workers) implements Model {
        public Processes {
            requirePositive(workers, "processes");
        }

        @Override
        public String spec() {
            return "processes:" + workers;
        }
    }

    Model DEFAULT = new Virtual();

    /** Every model with a small size, in the order the docs list them; tests iterate over these. */
    static List<Model> all() {
        return List.of(new PerConnectionThread(), new Pool(4), new Virtual(), new EventLoop(2), new Processes(2));
    }

    /** The models that run inside this JVM (all but {@link Processes}). */
    static List<Model> inProcess() {
        return all().stream().filter(m -> !(m instanceof Processes)).toList();
    }

    /**
     * Parses a {@code --model} value.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted spellings
     */
    static Model parse(String spec) {
        String value = spec == null ? "" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String size = colon < 0 ? null : value.substring(colon + 1);
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (name) {
            case "thread" -> noSize(spec, size, new PerConnectionThread());
            case "virtual" -> noSize(spec, size, new Virtual());
            case "pool" -> new Pool(size == null ? 2 * cores : parseSize(spec, size));
            case "event-loop" -> new EventLoop(size == null ? cores : parseSize(spec, size));
            case "processes" -> new Processes(size == null ? cores : parseSize(spec, size));
            default -> throw new IllegalArgumentException("unknown model '" + spec
                    + "' (expected thread, pool[:N], virtual, event-loop[:N] or processes[:N])");
        };
    }

    private static Model noSize(String spec, String size, Model model) {
        if (size != null) {
            throw new IllegalArgumentException("model '" + spec + "' takes no size");
        }
        return model;
    }

    private static int parseSize(String spec, String size) {
        try {
            int n = Integer.parseInt(size);
            requirePositive(n, spec);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size in model '" + spec + "': expected a number after ':'");
        }
    }

    private static void requirePositive(int n, String what) {
        if (n < 1 || n > 4096) {
            throw new IllegalArgumentException("model " + what + " needs a size between 1 and 4096, not " + n);
        }
    }
}
