package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.ClientTls;
import dev.weft.services.files.Download;
import dev.weft.services.files.Downloads;
import dev.weft.services.files.Endpoint;
import dev.weft.services.files.FilesClient;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;
import dev.weft.tls.Tls;

/**
 * The Files tab: a client for a {@code weft files} server (list, download with resume, upload; a progress bar
 * per transfer; TLS pinned to a fingerprint like {@code --tls-fingerprint}) and a one-button share of a folder
 * (a files server in this process). Every transfer has its own connection, so they run side by side.
 */
final class FilesPanel extends JPanel implements AutoCloseable {

    static final int DEFAULT_PORT = 9090;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final JTextField server = new JTextField("127.0.0.1:" + DEFAULT_PORT, 16);
    private final JTextField fingerprint = new JTextField(24);
    private final JButton connect = new JButton("Connect");
    private final JLabel status = new JLabel("Not connected.");
    private final JLabel where = new JLabel(" ");
    private final DefaultTableModel entries = new DefaultTableModel(new Object[] {"Name", "Size", "Modified"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(entries);
    private final JButton up = new JButton("Up");
    private final JTextField saveTo = new JTextField(Path.of(System.getProperty("user.home")).toString(), 22);
    private final JButton download = new JButton("Download");
    private final JButton upload = new JButton("Upload…");
    private final JPanel transfers = new JPanel();
    private final List<TransferRow> rows = new CopyOnWriteArrayList<>();
    private final JTextField shareDir = new JTextField(Path.of(System.getProperty("user.home")).toString(), 20);
    private final JTextField sharePort = new JTextField(Integer.toString(DEFAULT_PORT), 5);
    private final JCheckBox shareTls = new JCheckBox("TLS");
    private final JCheckBox shareUploads = new JCheckBox("Allow uploads");
    private final JButton share = new JButton("Share folder");
    private final JLabel shareStatus = new JLabel("Not sharing.");
    private final List<FilesClient.Entry> listed = new ArrayList<>();
    private volatile TcpServer shared;
    private Endpoint endpoint;
    private ClientTls tls;
    private String directory = ".";

    FilesPanel() {
        super(new BorderLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        server.setName("files.server");
        fingerprint.setName("files.fingerprint");
        fingerprint.setToolTipText("The SHA-256 fingerprint a --tls-self-signed server prints; empty for a plain connection");
        connect.setName("files.connect");
        status.setName("files.status");
        table.setName("files.list");
        saveTo.setName("files.saveTo");
        download.setName("files.download");
        upload.setName("files.upload");
        shareDir.setName("files.shareDir");
        sharePort.setName("files.sharePort");
        share.setName("files.share");
        shareStatus.setName("files.shareStatus");
        connect.setMnemonic(KeyEvent.VK_C);
        download.setMnemonic(KeyEvent.VK_D);
        upload.setMnemonic(KeyEvent.VK_U);
        share.setMnemonic(KeyEvent.VK_E);
        up.setMnemonic(KeyEvent.VK_P);

        add(Forms.rows(
                Forms.row(Forms.label("Server:", KeyEvent.VK_V, server), server,
                        Forms.label("TLS fingerprint:", KeyEvent.VK_T, fingerprint), fingerprint, connect),
                Forms.row(status)), BorderLayout.NORTH);

        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(1).setMinWidth(90);
        table.getColumnModel().getColumn(1).setMaxWidth(120);
        table.getColumnModel().getColumn(2).setMinWidth(140);
        table.getColumnModel().getColumn(2).setMaxWidth(180);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        JPanel remote = new JPanel(new BorderLayout());
        remote.add(Forms.row(up, where), BorderLayout.NORTH);
        remote.add(new JScrollPane(table), BorderLayout.CENTER);
        remote.add(Forms.row(Forms.label("Save to:", KeyEvent.VK_S, saveTo), saveTo, download, upload), BorderLayout.SOUTH);

        transfers.setLayout(new BoxLayout(transfers, BoxLayout.Y_AXIS));
        JPanel transfersBox = new JPanel(new BorderLayout());
        transfersBox.add(new JLabel("Transfers"), BorderLayout.NORTH);
        JPanel holder = new JPanel(new BorderLayout());
        holder.add(transfers, BorderLayout.NORTH);
        transfersBox.add(new JScrollPane(holder), BorderLayout.CENTER);
        remote.setPreferredSize(new Dimension(600, 280));
        transfersBox.setPreferredSize(new Dimension(600, 200));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, remote, transfersBox);
        split.setResizeWeight(0.6);
        add(split, BorderLayout.CENTER);

        add(Forms.rows(Forms.row(Forms.label("Share folder:", KeyEvent.VK_R, shareDir), shareDir,
                        Forms.label("Port:", KeyEvent.VK_O, sharePort), sharePort, shareTls, shareUploads, share),
                Forms.row(shareStatus)), BorderLayout.SOUTH);

        connect.addActionListener(e -> connect());
        server.addActionListener(e -> connect());
        up.addActionListener(e -> {
            if (!directory.equals(".")) {
                int slash = directory.lastIndexOf('/');
                list(slash < 0 ? "." : directory.substring(0, slash));
            }
        });
        download.addActionListener(e -> downloadSelected());
        upload.addActionListener(e -> chooseUpload());
        share.addActionListener(e -> toggleShare());
        download.setEnabled(false);
        upload.setEnabled(false);
        up.setEnabled(false);
    }

    private FilesClient open() throws IOException {
        return FilesClient.connect(endpoint, tls, TIMEOUT);
    }

    private void connect() {
        try {
            endpoint = Endpoint.parse(server.getText().trim(), DEFAULT_PORT);
            String pin = fingerprint.getText().trim();
            tls = pin.isEmpty() ? null : ClientTls.pinned(pin);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        list(".");
    }

    private void list(String dir) {
        Endpoint target = endpoint;
        boolean pinned = tls != null;
        status.setText("Listing " + dir + " on " + target + "…");
        Background.run("files-list", () -> {
            try (FilesClient client = open()) {
                return new Listing(client.list(dir), client.uploadsAllowed());
            }
        }, listing -> {
            directory = dir;
            listed.clear();
            listed.addAll(listing.entries());
            entries.setRowCount(0);
            for (FilesClient.Entry entry : listing.entries()) {
                entries.addRow(new Object[] {entry.name() + (entry.directory() ? "/" : ""),
                        entry.directory() ? "" : TransferRate.bytes(entry.size()), TIME.format(entry.modified())});
            }
            where.setText(dir.equals(".") ? "/" : "/" + dir);
            status.setText("Connected to " + target + (pinned ? " over TLS, certificate pinned to "
                    + fingerprint.getText().trim() : " (plain, not encrypted)")
                    + (listing.uploads() ? "; uploads allowed" : "; read-only"));
            download.setEnabled(true);
            upload.setEnabled(listing.uploads());
            up.setEnabled(!dir.equals("."));
        }, e -> status.setText(Background.describe(e)));
    }

    private record Listing(List<FilesClient.Entry> entries, boolean uploads) {
    }

    private String remotePath(FilesClient.Entry entry) {
        return directory.equals(".") ? entry.name() : directory + "/" + entry.name();
    }

    private void openSelected() {
        int row = table.getSelectedRow();
        if (row < 0) {
            return;
        }
        FilesClient.Entry entry = listed.get(table.convertRowIndexToModel(row));
        if (entry.directory()) {
            list(remotePath(entry));
        } else {
            downloadSelected();
        }
    }

    private void downloadSelected() {
        Path dir = Path.of(saveTo.getText().trim()); // a missing folder fails the transfer, naming it
        for (int row : table.getSelectedRows()) {
            FilesClient.Entry entry = listed.get(table.convertRowIndexToModel(row));
            if (!entry.directory()) {
                download(remotePath(entry), dir.resolve(Downloads.localName(entry.name())));
            }
        }
    }

    /** Downloads {@code remote} to {@code target} in a new transfer row; Resume continues a cut one. */
    void download(String remote, Path target) {
        addRow(new TransferRow("↓ " + remote + " → " + target, true, this::open, (client, listener) -> {
            Download.Result result = client.get(remote, target, listener);
            return TransferRate.bytes(result.size()) + ", SHA-256 verified"
                    + (result.resumedFrom() > 0 ? ", resumed at " + TransferRate.bytes(result.resumedFrom()) : "");
        }));
    }

    private void chooseUpload() {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            upload(chooser.getSelectedFile().toPath());
        }
    }

    /** Uploads {@code local} into the directory shown, under its own name. */
    void upload(Path local) {
        String name = local.getFileName().toString();
        String remote = directory.equals(".") ? name : directory + "/" + name;
        String dir = directory;
        addRow(new TransferRow("↑ " + local + " → " + remote, false, this::open, (client, listener) -> {
            long size = client.put(local, remote, false, listener);
            javax.swing.SwingUtilities.invokeLater(() -> list(dir));
            return TransferRate.bytes(size) + ", SHA-256 verified by the server";
        }));
    }

    private void addRow(TransferRow row) {
        rows.add(row);
        transfers.add(row);
        transfers.add(Box.createVerticalStrut(4));
        transfers.revalidate();
        row.start();
    }

    private void toggleShare() {
        TcpServer running = shared;
        if (running != null) {
            shared = null;
            share.setEnabled(false);
            Background.run("files-unshare", () -> {
                running.close();
                return null;
            }, done -> {
                share.setText("Share folder");
                share.setEnabled(true);
                shareStatus.setText("Not sharing.");
            }, e -> shareStatus.setText(Background.describe(e)));
            return;
        }
        Path dir = Path.of(shareDir.getText().trim());
        int port;
        try {
            port = Integer.parseInt(sharePort.getText().trim());
        } catch (NumberFormatException e) {
            shareStatus.setText("bad port '" + sharePort.getText().trim() + "': not a number");
            return;
        }
        boolean withTls = shareTls.isSelected();
        boolean uploads = shareUploads.isSelected();
        share.setEnabled(false);
        shareStatus.setText("Starting…");
        Background.run("files-share", () -> {
            SharedDirectory folder = SharedDirectory.open(dir, uploads);
            Tls identity = withTls ? Tls.selfSigned() : null;
            ServerConfig config = ServerConfig.builder("files").bind("0.0.0.0", port)
                    .tls(identity == null ? null : identity.serverContext()).build();
            TcpServer server = TcpServer.start(config, FilesService.create(folder));
            return new Share(server, folder, identity == null ? null : identity.fingerprint());
        }, started -> {
            shared = started.server();
            share.setText("Stop sharing");
            share.setEnabled(true);
            shareStatus.setText("Sharing " + started.folder().root() + " on port " + started.server().port()
                    + (started.folder().uploads() ? " (uploads allowed)" : " (read-only)")
                    + (started.fingerprint() == null ? "" : "; TLS fingerprint " + started.fingerprint()));
        }, e -> {
            share.setEnabled(true);
            shareStatus.setText("cannot share " + dir + ": " + Background.describe(e));
        });
    }

    private record Share(TcpServer server, SharedDirectory folder, String fingerprint) {
    }

    /** Cancels every transfer (a download keeps its partial file) and stops the shared folder's server. */
    @Override
    public void close() {
        rows.forEach(TransferRow::cancel);
        TcpServer running = shared;
        shared = null;
        if (running != null) {
            running.close();
        }
    }

    JTextField serverField() {
        return server;
    }

    JTextField fingerprintField() {
        return fingerprint;
    }

    JButton connectButton() {
        return connect;
    }

    JLabel status() {
        return status;
    }

    JTable table() {
        return table;
    }

    JTextField saveToField() {
        return saveTo;
    }

    JButton downloadButton() {
        return download;
    }

    List<TransferRow> rows() {
        return rows;
    }

    JTextField shareDirField() {
        return shareDir;
    }

    JTextField sharePortField() {
        return sharePort;
    }

    JCheckBox shareUploadsBox() {
        return shareUploads;
    }

    JButton shareButton() {
        return share;
    }

    JLabel shareStatus() {
        return shareStatus;
    }

    TcpServer sharedServer() {
        return shared;
    }
}
