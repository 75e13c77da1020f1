package dev.weft.bench;

/**
 * One load of {@code weft bench http}: wrk on one endpoint with a number of keep-alive connections. Spelled
 * {@code ENDPOINT[@CONNECTIONS]} on the command line, e.g. {@code route@1000}.
 */
public record Load(Endpoint endpoint, int connections) {

    public Load {
        if (connections < 1) {
            throw new IllegalArgumentException("a load needs at least 1 connection, not " + connections);
        }
    }

    /**
     * Parses {@code ENDPOINT[@CONNECTIONS]}; without {@code @} the load has {@code connections}.
     *
     * @throws IllegalArgumentException naming the bad spelling
     */
    public static Load parse(String spec, int connections) {
        String text = spec.trim();
        int at = text.indexOf('@');
        if (at < 0) {
            return new Load(Endpoint.parse(text), connections);
        }
        int count;
        try {
            count = Integer.parseInt(text.substring(at + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad load '" + spec + "' (expected ENDPOINT[@CONNECTIONS], e.g. route@1000)");
        }
        return new Load(Endpoint.parse(text.substring(0, at)), count);
    }

    public String label() {
        return endpoint.label();
    }

    /** The spelling {@link #parse} reads. */
    public String spec() {
        return endpoint.id() + "@" + connections;
    }
}
