package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

import dev.weft.engine.ServerConfig;
import dev.weft.services.chat.Chat;
import dev.weft.services.chat.ChatConfig;
import dev.weft.services.chat.ChatMessage;
import dev.weft.services.chat.ChatScreen;
import dev.weft.services.chat.Peer;
import dev.weft.services.chat.WireFormat;

/**
 * The Chat tab: {@code weft chat} in a window, on the same {@link Chat} (engine, wire format, history), so it
 * talks to {@code weft chat} and the seeds' Python chat. Messages are listed with time, peer and text; Enter in
 * the send box sends; the seed's Scale sets the list's font size.
 */
final class ChatPanel extends JPanel implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final String NOTICE = "·";

    private final JTextField name = new JTextField(8);
    private final JTextField port = new JTextField("8080", 5);
    private final JComboBox<String> encoding = new JComboBox<>(new String[] {"UTF-8", "GBK"});
    private final JTextField history;
    private final JTextField peers = new JTextField(18);
    private final JButton start = new JButton("Start");
    private final JButton addPeer = new JButton("Add peer");
    private final JLabel status = new JLabel("Not chatting. Choose a port and peers (HOST:PORT, comma-separated), then Start.");
    private final DefaultTableModel messages = new DefaultTableModel(new Object[] {"Time", "Peer", "Message"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable list = new JTable(messages);
    private final JTextField input = new JTextField(40);
    private final JButton send = new JButton("Send");
    private final JSlider fontSize = new JSlider(SwingConstants.HORIZONTAL, HelloPanel.MIN_SIZE, HelloPanel.MAX_SIZE, 13);
    private final Runnable onIncoming;
    private volatile Chat chat;
    private boolean starting;

    ChatPanel(Path defaultHistory, Runnable onIncoming) {
        super(new BorderLayout());
        this.onIncoming = onIncoming;
        this.history = new JTextField(defaultHistory.toString(), 22);
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        name.setName("chat.name");
        port.setName("chat.port");
        encoding.setName("chat.encoding");
        history.setName("chat.history");
        peers.setName("chat.peers");
        start.setName("chat.start");
        status.setName("chat.status");
        list.setName("chat.messages");
        input.setName("chat.input");
        send.setName("chat.send");
        fontSize.setName("chat.fontSize");
        name.setToolTipText("Put 'NAME: ' before each message (optional)");
        peers.setToolTipText("Who messages go to: HOST:PORT, comma-separated ([::1]:8080 for IPv6)");
        start.setMnemonic(KeyEvent.VK_T);
        addPeer.setMnemonic(KeyEvent.VK_A);
        send.setMnemonic(KeyEvent.VK_E);

        add(Forms.rows(
                Forms.row(Forms.label("Name:", KeyEvent.VK_N, name), name, Forms.label("Port:", KeyEvent.VK_P, port), port,
                        Forms.label("Encoding:", KeyEvent.VK_O, encoding), encoding,
                        Forms.label("History:", KeyEvent.VK_Y, history), history),
                Forms.row(Forms.label("Peers:", KeyEvent.VK_R, peers), peers, addPeer, start),
                Forms.row(status)), BorderLayout.NORTH);

        list.setFillsViewportHeight(true);
        list.getColumnModel().getColumn(0).setMaxWidth(90);
        list.getColumnModel().getColumn(1).setPreferredWidth(160);
        list.getColumnModel().getColumn(1).setMaxWidth(260);
        add(new JScrollPane(list), BorderLayout.CENTER);

        fontSize.setMajorTickSpacing(10);
        fontSize.setPaintTicks(true);
        fontSize.setPaintLabels(true);
        fontSize.addChangeListener(e -> setListFont(fontSize.getValue()));
        add(Forms.rows(Forms.row(Forms.label("Message:", KeyEvent.VK_M, input), input, send),
                Forms.row(Forms.label("Font size:", KeyEvent.VK_Z, fontSize), fontSize)), BorderLayout.SOUTH);

        start.addActionListener(e -> toggle());
        addPeer.addActionListener(e -> addPeers());
        input.addActionListener(e -> sendTyped());
        send.addActionListener(e -> sendTyped());
        input.setEnabled(false);
        send.setEnabled(false);
        addPeer.setEnabled(false);
    }

    private void setListFont(int size) {
        list.setFont(list.getFont().deriveFont(Font.PLAIN, size));
        list.setRowHeight(list.getFontMetrics(list.getFont()).getHeight() + 6);
    }

    private void toggle() {
        if (chat != null) {
            Chat running = chat;
            chat = null;
            running(false);
            Background.run("chat-stop", () -> {
                running.close();
                return null;
            }, done -> status.setText("Chat stopped."), this::failed);
            return;
        }
        if (starting) {
            return;
        }
        ChatConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        starting = true;
        start.setEnabled(false);
        status.setText("Starting…");
        Background.run("chat-start", () -> {
            if (config.history() != null && config.history().getParent() != null) {
                Files.createDirectories(config.history().getParent());
            }
            return Chat.start(config, new Screen());
        }, started -> {
            starting = false;
            start.setEnabled(true);
            chat = started;
            running(true);
            status.setText(started.startupLine().replace("; /help lists the commands", "")
                    + (config.history() == null ? "" : "; history in " + config.history()));
            input.requestFocusInWindow();
        }, e -> {
            starting = false;
            start.setEnabled(true);
            failed(e);
        });
    }

    private ChatConfig config() {
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + port.getText().trim() + "': not a number");
        }
        ServerConfig server = ServerConfig.builder("chat").bind("0.0.0.0", portNumber).build();
        Charset charset = WireFormat.encoding((String) encoding.getSelectedItem());
        String who = name.getText().trim();
        String file = history.getText().trim();
        return ChatConfig.of(server, parsePeers(peers.getText()))
                .withName(who.isEmpty() ? null : who)
                .withWire(new WireFormat(charset, WireFormat.DEFAULT_MAX_BYTES))
                .withHistory(file.isEmpty() ? null : Path.of(file));
    }

    static List<Peer> parsePeers(String text) {
        List<Peer> parsed = new ArrayList<>();
        for (String spec : text.split("[,\\s]+")) {
            if (!spec.isBlank()) {
                parsed.add(Peer.parse(spec));
            }
        }
        return parsed;
    }

    private void running(boolean on) {
        start.setText(on ? "Stop" : "Start");
        start.setMnemonic(KeyEvent.VK_T);
        for (var field : List.of(name, port, history)) {
            field.setEnabled(!on);
        }
        encoding.setEnabled(!on);
        input.setEnabled(on);
        send.setEnabled(on);
        addPeer.setEnabled(on);
    }

    private void addPeers() {
        for (String spec : peers.getText().split("[,\\s]+")) {
            if (!spec.isBlank()) {
                type("/to " + spec);
            }
        }
    }

    private void sendTyped() {
        String text = input.getText();
        if (text.isBlank() || chat == null) {
            return;
        }
        input.setText("");
        type(text);
    }

    /** Hands a line to the chat (a message, or a command such as /peers) off the EDT: sending is network work. */
    private void type(String line) {
        Chat running = chat;
        if (running == null) {
            return;
        }
        Background.run("chat-send", () -> running.input(line), goOn -> {
            if (!goOn && chat == running) {
                toggle();
            }
        }, this::failed);
    }

    private void failed(Exception e) {
        status.setText(Background.describe(e));
    }

    private void addRow(String time, String peer, String text) {
        messages.addRow(new Object[] {time, peer, text});
        int last = messages.getRowCount() - 1;
        list.scrollRectToVisible(list.getCellRect(last, 0, true));
    }

    /** Stops the chat; its history is already on disk, line by line. */
    @Override
    public void close() throws IOException {
        Chat running = chat;
        chat = null;
        if (running != null) {
            running.close();
        }
    }

    Chat runningChat() {
        return chat;
    }

    JTextField portField() {
        return port;
    }

    JTextField peersField() {
        return peers;
    }

    JTextField nameField() {
        return name;
    }

    JTextField historyField() {
        return history;
    }

    JComboBox<String> encodingBox() {
        return encoding;
    }

    JButton startButton() {
        return start;
    }

    JTextField input() {
        return input;
    }

    JTable messageList() {
        return list;
    }

    JSlider fontSize() {
        return fontSize;
    }

    JLabel status() {
        return status;
    }

    /** Where the chat shows things; called from the engine's threads, so every change is posted to the EDT. */
    private final class Screen implements ChatScreen {
        @Override
        public void message(String line) {
            SwingUtilities.invokeLater(() -> addRow("", NOTICE, line));
        }

        @Override
        public void notice(String line) {
            SwingUtilities.invokeLater(() -> addRow("", NOTICE, line));
        }

        @Override
        public void received(ChatMessage message) {
            SwingUtilities.invokeLater(() -> {
                addRow(CLOCK.format(message.time()), message.printableSender(), message.printableText());
                onIncoming.run();
            });
        }

        @Override
        public void sent(ChatMessage message) {
            SwingUtilities.invokeLater(() -> addRow(CLOCK.format(message.time()), message.printableSender(), message.printableText()));
        }
    }
}
