package dev.weft.services.time;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Makes the time service's reply: {@code "[" + time + "]: "} then the client's bytes untouched, the way
 * seed 003's server does it. The clock is given so tests fix the time; its zone is the server's zone.
 * Thread-safe: every connection of a server shares one, and the prefix is formatted once per millisecond.
 */
public final class Timestamp {

    private final Clock clock;
    private final TimeFormat format;
    private final Charset charset;
    private volatile Prefix last = new Prefix(Long.MIN_VALUE, new byte[0]);

    private record Prefix(long millis, byte[] bytes) {
    }

    public Timestamp(Clock clock, TimeFormat format, Charset charset) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.format = Objects.requireNonNull(format, "format");
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /** The prefix for now, e.g. {@code "[Sat May  8 16:59:10 2021]: "}, in the service's encoding. */
    public byte[] prefix() {
        long millis = clock.millis();
        Prefix cached = last;
        if (cached.millis() != millis) {
            String time = format.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), clock.getZone()));
            cached = new Prefix(millis, ("[" + time + "]: ").getBytes(charset));
            last = cached;
        }
        return cached.bytes();
    }

    /** The time alone, e.g. {@code "Sat May  8 16:59:10 2021"}, in the service's encoding (the seed styles' prefix). */
    public byte[] time() {
        return format.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(clock.millis()), clock.getZone()))
                .getBytes(charset);
    }

    /** The whole reply to {@code message}. */
    public byte[] stamp(byte[] message) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream(message.length + 40);
        stampTo(reply, message);
        return reply.toByteArray();
    }

    /** Appends the reply to {@code message} to {@code replies}, for answering many lines in one write. */
    public void stampTo(ByteArrayOutputStream replies, byte[] message) {
        replies.writeBytes(prefix());
        replies.writeBytes(message);
    }

    public TimeFormat format() {
        return format;
    }

    public Charset charset() {
        return charset;
    }
}
