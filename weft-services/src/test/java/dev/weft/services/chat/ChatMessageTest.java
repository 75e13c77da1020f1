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
    void escapesInvisibleFormatCharactersOnScreenAndInHistory() {
        ChatMessage message = new ChatMessage(NOON, ChatMessage.Direction.RECEIVED, "b\u200Bob",
                "\u202Etxt.exe \u2066x\u2069 \uFEFF\u00AD\u2060 \uDB40\uDC41");
        String escaped = "\\u202etxt.exe \\u2066x\\u2069 \\ufeff\\u00ad\\u2060 \\U000e0041";
        assertThat(message.display()).isEqualTo("[12:05:09] b\\u200bob: " + escaped);
        assertThat(message.historyLine()).endsWith("\tb\\u200bob\t" + escaped + "\n");
    }

    @Test
    void keepsTheJoinersThatEmojiAndScriptsNeed() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        assertThat(new ChatMessage(NOON, ChatMessage.Direction.RECEIVED, "bob", family + " " + persian).display())
                .isEqualTo("[12:05:09] bob: " + family + " " + persian);
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
