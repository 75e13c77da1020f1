package dev.weft.services.chat;

/**
 * Where a chat shows what happens: a line editor on a terminal (messages appear above the line being
 * typed), plain lines when piped. Called from several threads.
 */
public interface ChatScreen {

    /** A received message, already formatted ({@code [14:03:27] bob: hello}). */
    void message(String line);

    /** Anything else for the user: command output, refused messages, unreachable peers. */
    void notice(String line);

    /**
     * A received message as a record, for screens that lay out time, sender and text themselves (a window's
     * message list); by default it is shown as the formatted line.
     */
    default void received(ChatMessage message) {
        message(message.display());
    }

    /** A message just sent to the peers; a terminal already shows what was typed, so by default nothing. */
    default void sent(ChatMessage message) {
    }
}
