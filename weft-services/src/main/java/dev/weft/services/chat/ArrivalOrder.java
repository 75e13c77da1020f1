package dev.weft.services.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts datagrams handled concurrently back into the order the socket received them: under the thread,
 * pool and virtual models each datagram is handled on a thread of its own, and a chat must still show
 * every sender's messages in the order they came.
 *
 * <p>Each handled datagram is handed in with its {@link dev.weft.engine.Datagram#sequence()}; items are passed
 * on to the consumer strictly by sequence, each once, with nothing skipped. Delivery happens under the lock on
 * purpose: the lock is what keeps two threads from delivering out of turn.
 *
 * @param <T> what is delivered; an empty item fills its place in the order and delivers nothing
 */
final class ArrivalOrder<T> {

    private final Consumer<T> consumer;
    private final Map<Long, Optional<T>> waiting = new HashMap<>();
    private long next;

    ArrivalOrder(Consumer<T> consumer) {
        this.consumer = consumer;
    }

    /**
     * Hands in the item for {@code sequence} (null for none). A negative sequence (a datagram made by hand,
     * not read from a socket) has no place in the order and is delivered at once.
     */
    synchronized void arrived(long sequence, T item) {
        if (sequence < 0) {
            deliver(Optional.ofNullable(item));
            return;
        }
        if (sequence < next || waiting.putIfAbsent(sequence, Optional.ofNullable(item)) != null) {
            throw new IllegalStateException("datagram " + sequence + " handed in twice");
        }
        for (Optional<T> ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
            next++;
            deliver(ready);
        }
    }

    /** How many items wait for an earlier one. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void deliver(Optional<T> item) {
        item.ifPresent(consumer);
    }
}
