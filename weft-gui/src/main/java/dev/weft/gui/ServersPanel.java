package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.Timer;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

/**
 * The Servers tab: start and stop echo, time, a folder over HTTP or a files server on a chosen port and
 * concurrency model, each with a live chart from the engine's metrics, one point a second.
 */
final class ServersPanel extends JPanel implements AutoCloseable {

    private final JComboBox<ServiceKind> kind = new JComboBox<>(ServiceKind.values());
    private final JTextField port = new JTextField(Integer.toString(ServiceKind.ECHO.defaultPort()), 5);
    private final JComboBox<String> model = new JComboBox<>();
    private final JTextField folder = new JTextField(Path.of(System.getProperty("user.home")).toString(), 20);
    private final JButton start = new JButton("Start");
    private final JLabel status = new JLabel("Choose a service, a port (0 picks a free one) and a concurrency model.");
    private final JPanel cards = new JPanel();
    private final List<ServerCard> running = new CopyOnWriteArrayList<>();
    private final Timer ticker = new Timer(1000, e -> running.forEach(ServerCard::tick));

    ServersPanel() {
        super(new BorderLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        kind.setName("servers.kind");
        port.setName("servers.port");
        model.setName("servers.model");
        folder.setName("servers.folder");
        start.setName("servers.start");
        status.setName("servers.status");
        Model.inProcess().forEach(m -> model.addItem(m.spec()));
        model.setSelectedItem(new Model.Virtual().spec());
        model.setEditable(true);
        model.setToolTipText("thread, pool[:N], virtual or event-loop[:N] (processes: use the weft command)");
        start.setMnemonic(KeyEvent.VK_T);
        kind.addActionListener(e -> {
            ServiceKind chosen = (ServiceKind) kind.getSelectedItem();
            port.setText(Integer.toString(chosen.defaultPort()));
            folder.setEnabled(chosen.needsFolder());
        });
        folder.setEnabled(false);
        add(Forms.rows(
                Forms.row(Forms.label("Service:", KeyEvent.VK_V, kind), kind, Forms.label("Port:", KeyEvent.VK_P, port), port,
                        Forms.label("Model:", KeyEvent.VK_M, model), model,
                        Forms.label("Folder:", KeyEvent.VK_L, folder), folder, start),
                Forms.row(status)), BorderLayout.NORTH);
        cards.setLayout(new BoxLayout(cards, BoxLayout.Y_AXIS));
        JPanel holder = new JPanel(new BorderLayout());
        holder.add(cards, BorderLayout.NORTH);
        add(new JScrollPane(holder), BorderLayout.CENTER);
        start.addActionListener(e -> startChosen());
        ticker.setInitialDelay(1000);
    }

    private void startChosen() {
        ServiceKind chosen = (ServiceKind) kind.getSelectedItem();
        ServerConfig config;
        Path dir = Path.of(folder.getText().trim());
        try {
            int number = Integer.parseInt(port.getText().trim());
            Model picked = Model.parse(String.valueOf(model.getSelectedItem()));
            if (picked instanceof Model.Processes) {
                throw new IllegalArgumentException("the processes model runs workers from the weft command: use weft "
                        + "echo server --model " + picked.spec() + " and the like");
            }
            config = ServerConfig.builder(chosen.toString()).bind("127.0.0.1", number).model(picked).build();
        } catch (NumberFormatException e) {
            status.setText("bad port '" + port.getText().trim() + "': not a number");
            return;
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        start.setEnabled(false);
        status.setText("Starting " + chosen + "…");
        Background.run("server-start", () -> chosen.start(config, dir), service -> {
            start.setEnabled(true);
            status.setText("Started " + chosen + " on port " + service.server().port() + " (model: " + config.model().spec() + ").");
            ServerCard card = new ServerCard(service, () -> stop(service));
            running.add(card);
            cards.add(card);
            cards.revalidate();
            ticker.start();
        }, e -> {
            start.setEnabled(true);
            status.setText("cannot start " + chosen + " on port " + config.address().getPort() + ": " + Background.describe(e));
        });
    }

    private void stop(RunningService service) {
        ServerCard card = running.stream().filter(c -> c.service() == service).findFirst().orElseThrow();
        card.stopping();
        Background.run("server-stop", () -> {
            service.server().close();
            return null;
        }, done -> {
            running.remove(card);
            cards.remove(card);
            cards.revalidate();
            cards.repaint();
            status.setText("Stopped " + service.kind() + " on port " + service.server().port() + ".");
            if (running.isEmpty()) {
                ticker.stop();
            }
        }, e -> status.setText(Background.describe(e)));
    }

    /** Stops every server this tab started (each gracefully, within its grace period). */
    @Override
    public void close() {
        ticker.stop();
        for (ServerCard card : running) {
            card.service().server().close();
        }
    }

    JComboBox<ServiceKind> kindBox() {
        return kind;
    }

    JTextField portField() {
        return port;
    }

    JComboBox<String> modelBox() {
        return model;
    }

    JTextField folderField() {
        return folder;
    }

    JButton startButton() {
        return start;
    }

    JLabel status() {
        return status;
    }

    List<ServerCard> cards() {
        return running;
    }
}
