package dev.weft.lab;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.SynchronousQueue;

/**
 * A Python generator in Java: the body runs on its own virtual thread and {@link Yielder#yield}s values; the caller
 * takes them with {@link #next} or {@link #send}, and what it sends is what {@code yield} returns in the body
 * ({@code ret = yield a}). Control passes hand to hand through two {@link SynchronousQueue}s, so the body and the
 * caller never run at once, as with Python's generators. The body starts at the first {@code next}/{@code send}.
 *
 * @param <Y> what the body yields
 * @param <S> what the caller sends
 */
final class Generator<Y, S> implements Iterator<Y>, AutoCloseable {

    /** The body's end of a generator. */
    interface Yielder<Y, S> {
        /** Hands {@code value} to the caller and waits for the next {@code next()} (null) or {@code send(s)} (s). */
        S yield(Y value) throws InterruptedException;
    }

    /** The code of a generator. */
    @FunctionalInterface
    interface Body<Y, S> {
        void run(Yielder<Y, S> yielder) throws Exception;
    }

    /** What passes between the two sides: a value, or the end of the body (with what it threw, if anything). */
    private record Baton<T>(T value, boolean end, Throwable failure) {
    }

    private final Body<Y, S> body;
    private final SynchronousQueue<Baton<S>> toBody = new SynchronousQueue<>();
    private final SynchronousQueue<Baton<Y>> toCaller = new SynchronousQueue<>();
    private Thread thread;
    private Baton<Y> ahead;
    private boolean finished;

    Generator(Body<Y, S> body) {
        this.body = body;
    }

    /** Sends {@code value} in (the first send must be null, as in Python) and returns the next value yielded. */
    Y send(S value) {
        Baton<Y> baton = ahead != null ? ahead : resume(value);
        ahead = null;
        if (baton.end()) {
            throw new NoSuchElementException("the generator has finished (StopIteration)");
        }
        return baton.value();
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (ahead == null) {
            ahead = resume(null);
        }
        return !ahead.end();
    }

    @Override
    public Y next() {
        return send(null);
    }

    private Baton<Y> resume(S value) {
        if (finished) {
            return new Baton<>(null, true, null);
        }
        try {
            if (thread == null) {
                if (value != null) {
                    throw new IllegalArgumentException("can't send a non-null value to a just-started generator");
                }
                thread = Thread.ofVirtual().name("lab-generator").start(this::runBody);
            } else {
                toBody.put(new Baton<>(value, false, null));
            }
            Baton<Y> baton = toCaller.take();
            if (baton.end()) {
                finished = true;
                if (baton.failure() != null) {
                    throw new LabFailure("the generator's body failed: " + baton.failure(), baton.failure());
                }
            }
            return baton;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabFailure("interrupted while waiting for the generator", e);
        }
    }

    private void runBody() {
        Throwable failure = null;
        try {
            body.run(value -> {
                toCaller.put(new Baton<>(value, false, null));
                return toBody.take().value();
            });
        } catch (InterruptedException e) {
            return; // closed: nobody waits for the end
        } catch (Exception | Error e) {
            failure = e;
        }
        try {
            toCaller.put(new Baton<>(null, true, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Python's {@code close()}: a generator left suspended is interrupted, so its virtual thread ends. */
    @Override
    public void close() {
        finished = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
