package dev.weft.services.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A screen that keeps what it was shown, for tests to wait on and read. */
final class RecordingScreen implements ChatScreen {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @Override
    public void message(String line) {
        messages.add(line);
    }

    @Override
    public void notice(String line) {
        notices.add(line);
    }

    /** The text of each message, without the {@code [HH:MM:SS] } stamp. */
    List<String> texts() {
        return messages.stream().map(m -> m.substring("[00:00:00] ".length())).toList();
    }
}
