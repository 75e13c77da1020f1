package dev.weft.gui;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one window: the menu bar, the five tabs, the title with the unread-message count, and the way out.
 * Quitting (QUIT, File &gt; Quit, Ctrl+Q or closing the window) saves the window's place, stops every server the
 * tabs started and closes the chat (its history is written line by line, so nothing is lost), then ends with 0.
 */
public final class MainWindow {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    static final String TITLE = "weft";

    private final GuiSettings settings;
    private final JFrame frame = new JFrame(TITLE);
    private final JTabbedPane tabs = new JTabbedPane();
    private final HelloPanel hello;
    private final ChatPanel chat;
    private final FilesPanel files;
    private final ServersPanel servers;
    private final LabPanel lab;
    private final WindowPlace place;
    private final AtomicInteger unread = new AtomicInteger();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final AtomicBoolean partsClosed = new AtomicBoolean();
    private boolean quitting;

    private MainWindow(GuiSettings settings) {
        this.settings = settings;
        this.place = new WindowPlace(settings.configDir());
        this.hello = new HelloPanel(this::quit);
        this.chat = new ChatPanel(settings.chatHistory(), this::incoming);
        this.files = new FilesPanel();
        this.servers = new ServersPanel();
        this.lab = new LabPanel();
        tabs.setName("tabs");
        addTab("Hello", hello);
        addTab("Chat", chat);
        addTab("Files", files);
        addTab("Servers", servers);
        addTab("Lab", lab);
        frame.setJMenuBar(menuBar());
        frame.setContentPane(tabs);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                quit();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                unread.set(0);
                updateTitle();
            }
        });
        frame.setMinimumSize(new Dimension(640, 480));
    }

    /** Builds and shows the window at {@code bounds} (the saved place, read off the EDT), else centred; on the EDT. */
    static MainWindow show(GuiSettings settings, Optional<Rectangle> bounds) {
        MainWindow window = new MainWindow(settings);
        window.frame.pack();
        bounds.ifPresentOrElse(window.frame::setBounds, () -> {
            window.frame.setSize(1100, 720);
            window.frame.setLocationRelativeTo(null);
        });
        window.frame.setVisible(true);
        return window;
    }

    /** Alt+1 to Alt+5 pick the tabs: digits, so they never clash with the letters of the menus and forms. */
    private void addTab(String title, java.awt.Component panel) {
        int number = tabs.getTabCount() + 1;
        tabs.addTab(title, null, panel, title + " (Alt+" + number + ")");
        tabs.setMnemonicAt(number - 1, KeyEvent.VK_0 + number);
    }

    private JMenuBar menuBar() {
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        JMenuItem quit = new JMenuItem("Quit", KeyEvent.VK_Q);
        quit.setName("menu.quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        quit.addActionListener(e -> quit());
        file.add(quit);
        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        JMenuItem about = new JMenuItem("About", KeyEvent.VK_A);
        about.addActionListener(e -> JOptionPane.showMessageDialog(frame, aboutText(), "About weft", JOptionPane.INFORMATION_MESSAGE));
        help.add(about);
        JMenuBar bar = new JMenuBar();
        bar.add(file);
        bar.add(help);
        return bar;
    }

    String aboutText() {
        return "weft " + settings.version() + "\nNetwork services and concurrency on one engine.\n"
                + "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }

    /** A chat message arrived: counted in the title while the window is not the active one. */
    private void incoming() {
        if (!frame.isActive()) {
            unread.incrementAndGet();
            updateTitle();
        }
    }

    private void updateTitle() {
        int count = unread.get();
        frame.setTitle(count == 0 ? TITLE : TITLE + " (" + count + " unread)");
    }

    /** Starts quitting: hides the window, then closes everything off the EDT and releases {@link #awaitExit()}. */
    void quit() {
        if (quitting) {
            return;
        }
        quitting = true;
        Rectangle bounds = frame.getBounds();
        frame.setVisible(false);
        Thread.ofPlatform().name("weft-gui-quit").start(() -> {
            try {
                place.save(bounds);
            } catch (IOException e) {
                log.warn("cannot save the window's place in {}: {}", settings.configDir(), e.getMessage());
            }
            closeParts();
            SwingUtilities.invokeLater(() -> {
                frame.dispose();
                exited.countDown();
            });
        });
    }

    /**
     * Stops every server the tabs started, cancels transfers and closes the chat; once, whoever calls first
     * (quitting, or the shutdown hook when the process is told to end).
     */
    void closeParts() {
        if (!partsClosed.compareAndSet(false, true)) {
            return;
        }
        for (AutoCloseable part : List.<AutoCloseable>of(servers, files, chat, lab)) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while quitting: {}", Background.describe(e));
            }
        }
    }

    /** Blocks until the app has quit and everything is closed; returns the exit code. */
    public int awaitExit() throws InterruptedException {
        exited.await();
        return 0;
    }

    /** Whether the app has finished quitting. */
    public boolean exited() {
        return exited.getCount() == 0;
    }

    JFrame frame() {
        return frame;
    }

    JTabbedPane tabs() {
        return tabs;
    }

    HelloPanel hello() {
        return hello;
    }

    ChatPanel chat() {
        return chat;
    }

    FilesPanel files() {
        return files;
    }

    ServersPanel servers() {
        return servers;
    }

    LabPanel lab() {
        return lab;
    }
}
