package dev.weft.services.chat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message sent or received, as shown on the screen and kept in the history.
 *
 * @param time      when it was sent or received
 * @param direction which way it went
 * @param sender    who wrote it as weft shows it: a name, an address, or {@code NAME (ADDRESS)}; "me" or
 *                  the own name for sent messages
 * @param text      the message, as decoded
 */
public record ChatMessage(ZonedDateTime time, Direction direction, String sender, String text) {

    public enum Direction { SENT, RECEIVED }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public ChatMessage {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    /** {@code [14:03:27] bob: hello}, with control characters escaped. */
    public String display() {
        return "[" + CLOCK.format(time) + "] " + Printable.forTerminal(sender) + ": " + Printable.forTerminal(text);
    }

    /** The sender with control characters escaped, as {@link #display()} shows it. */
    public String printableSender() {
        return Printable.forTerminal(sender);
    }

    /** The text with control characters escaped, as {@link #display()} shows it. */
    public String printableText() {
        return Printable.forTerminal(text);
    }

    /**
     * One history line, tab-separated: ISO-8601 time with offset, {@code sent} or {@code received}, sender, text;
     * tabs, line ends and backslashes in the fields are escaped, so every message is exactly one line.
     */
    public String historyLine() {
        String when = time.truncatedTo(ChronoUnit.MILLIS).toOffsetDateTime().toString();
        return when + "\t" + direction.name().toLowerCase(java.util.Locale.ROOT) + "\t"
                + Printable.forHistory(sender) + "\t" + Printable.forHistory(text) + "\n";
    }

    static ChatMessage now(java.time.Clock clock, Direction direction, String sender, String text) {
        return new ChatMessage(ZonedDateTime.now(clock), direction, sender, text);
    }
}
