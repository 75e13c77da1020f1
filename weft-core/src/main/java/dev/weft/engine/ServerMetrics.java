package dev.weft.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** Live counters of one server; {@link #snapshot()} gives a consistent-enough copy for reports. */
public final class ServerMetrics {

    private final AtomicLong open = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder datagrams = new LongAdder();
    private final String model;
    private volatile IntSupplier workers = () -> 0;

    ServerMetrics(String model) {
        this.model = model;
    }

    void opened() {
        open.incrementAndGet();
        accepted.increment();
    }

    void closed() {
        open.decrementAndGet();
    }

    void rejected() {
        rejected.increment();
    }

    void bytesIn(long n) {
        bytesIn.add(n);
    }

    void bytesOut(long n) {
        bytesOut.add(n);
    }

    void datagram() {
        datagrams.increment();
    }

    /** Counts a failure a handler or the engine could not recover from on one connection. */
    public void error() {
        errors.increment();
    }

    void workers(IntSupplier workers) {
        this.workers = workers;
    }

    public long openConnections() {
        return open.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(model, open.get(), accepted.sum(), rejected.sum(), bytesIn.sum(), bytesOut.sum(),
                errors.sum(), datagrams.sum(), workers.getAsInt());
    }

    /** The counters at one moment; field names are the JSON keys of {@code /_weft/stats}. */
    public record Snapshot(String model, long openConnections, long acceptedTotal, long rejectedTotal,
                           long bytesIn, long bytesOut, long errors, long datagrams, int workers) {
    }
}
