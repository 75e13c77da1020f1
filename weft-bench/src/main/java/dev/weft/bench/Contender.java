package dev.weft.bench;

/**
 * One server under test: a peer, or weft under one concurrency model.
 *
 * @param peer  which server
 * @param model weft's model spelling (e.g. {@code virtual}); null for the peers
 */
public record Contender(Peer peer, String model) {

    /** weft under its default model: the reference every ratio is taken against. */
    public static final Contender WEFT_VIRTUAL = new Contender(Peer.WEFT, "virtual");

    public static Contender of(Peer peer) {
        return new Contender(peer, null);
    }

    /** The name in reports: {@code weft (virtual)}, {@code nginx}. */
    public String name() {
        return model == null ? peer.id() : peer.id() + " (" + model + ")";
    }

    public boolean isWeft() {
        return peer == Peer.WEFT;
    }
}
