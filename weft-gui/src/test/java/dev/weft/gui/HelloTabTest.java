package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hello tab: seed 003's label, Scale and QUIT, and the window around them. */
class HelloTabTest {

    @TempDir
    Path config;

    @Test
    void movingTheScaleChangesTheLabelsFontSize() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Hello");
            HelloPanel hello = gui.window().hello();
            gui.focus(hello.scale());
            gui.key(KeyEvent.VK_END);
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> hello.label().getFont().getSize2D()) == 40f);
            gui.screenshot("hello");
            gui.key(KeyEvent.VK_HOME);
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> hello.label().getFont().getSize2D()) == 10f);
            gui.key(KeyEvent.VK_RIGHT);
            assertThat(gui.onEdt(() -> hello.label().getFont().getSize2D())).isEqualTo(11f);
        }
    }

    @Test
    void altAndADigitPicksATabAndCtrlQQuits() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.focus(gui.window().hello().scale());
            gui.chord(KeyEvent.VK_ALT, KeyEvent.VK_4);
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> gui.window().tabs().getSelectedIndex()) == 3);
            gui.chord(KeyEvent.VK_ALT, KeyEvent.VK_2);
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> gui.window().tabs().getSelectedIndex()) == 1);
            gui.chord(KeyEvent.VK_CONTROL, KeyEvent.VK_Q);
            await().atMost(Duration.ofSeconds(20)).until(gui.window()::exited);
        }
    }

    @Test
    void quitEndsTheAppWithExitCodeZero() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Hello");
            gui.click(gui.window().hello().quit());
            await().atMost(Duration.ofSeconds(20)).until(gui.window()::exited);
            assertThat(gui.window().awaitExit()).isZero();
            assertThat(gui.onEdt(() -> gui.window().frame().isDisplayable())).isFalse();
        }
    }

    @Test
    void theWindowReopensWhereItWasLeft() throws Exception {
        Rectangle placed = new Rectangle(40, 30, 900, 640);
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.edt(() -> gui.window().frame().setBounds(placed));
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> gui.window().frame().getBounds()).equals(placed));
        }
        assertThat(config.resolve(WindowPlace.FILE)).exists();
        try (GuiDriver gui = GuiDriver.open(config)) {
            // the X server confirms a new window's place asynchronously: wait for it
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(gui.onEdt(() -> gui.window().frame().getBounds())).isEqualTo(placed));
        }
    }
}
