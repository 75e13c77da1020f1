package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class ChatMessageTest {

    private static final ZonedDateTime NOON = ZonedDateTime.of(2025, 3, 4, 12, 5, 9, 123_456_789, ZoneOffset.ofHours(8));

    @Test
    void showsTimeSenderAndText() {
        assertThat(new ChatMessage(NOON, ChatMessage.Direction.RECEIVED, "bob", "你好").display())
                .isEqualTo("[12:05:09] bob: 你好");
    }

    @Test
    void escapesControlCharactersOnScreenSoPeersCannotDriveTheTerminal() {
        assertThat(new ChatMessage(NOON, ChatMessage.Direction.RECEIVED, "bob", "a\u001b[2Jb\nc\td").display())
                .isEqualTo("[12:05:09] bob: a\\x1b[2Jb\\nc\td");
    }

    @Test
    void writesOneTabSeparatedHistoryLineWithAnIsoTimestamp() {
        assertThat(new ChatMessage(NOON, ChatMessage.Direction.SENT, "me", "hi").historyLine())
                .isEqualTo("2025-03-04T12:05:09.123+08:00\tsent\tme\thi\n");
    }

    @Test
    void keepsAMultiLineMessageOnOneHistoryLine() {
        assertThat(new ChatMessage(NOON, ChatMessage.Direction.RECEIVED, "x", "a\tb\nc\\n").historyLine())
                .endsWith("\treceived\tx\ta\\tb\\nc\\\\n\n");
    }
}
