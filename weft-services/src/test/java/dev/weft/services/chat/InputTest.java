package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void plainLinesAreMessages() {
        assertThat(Input.parse("hello there")).isEqualTo(new Input.Say("hello there"));
    }

    @Test
    void quitAndTheSeedsExitLeave() {
        assertThat(Input.parse("/quit")).isEqualTo(new Input.Quit());
        assertThat(Input.parse("exit")).isEqualTo(new Input.Quit());
        assertThat(Input.parse("  exit ")).isEqualTo(new Input.Quit());
    }

    @Test
    void exitInsideASentenceIsAMessage() {
        assertThat(Input.parse("exit now")).isEqualTo(new Input.Say("exit now"));
    }

    @Test
    void commandsAreRecognised() {
        assertThat(Input.parse("/peers")).isEqualTo(new Input.ListPeers());
        assertThat(Input.parse("/help")).isEqualTo(new Input.Help());
        assertThat(Input.parse("/to 10.0.0.2:8080")).isEqualTo(new Input.AddPeer("10.0.0.2:8080"));
        assertThat(Input.parse("/to")).isEqualTo(new Input.AddPeer(""));
    }

    @Test
    void anUnknownCommandIsNotSent() {
        assertThat(Input.parse("/quiet please")).isEqualTo(new Input.Unknown("/quiet"));
    }

    @Test
    void aDoubleSlashSendsALineStartingWithASlash() {
        assertThat(Input.parse("//quit is a command")).isEqualTo(new Input.Say("/quit is a command"));
    }

    @Test
    void blankLinesDoNothing() {
        assertThat(Input.parse("   ")).isEqualTo(new Input.Blank());
    }
}
