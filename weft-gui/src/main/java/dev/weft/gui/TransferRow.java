package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import dev.weft.services.files.FilesClient;
import dev.weft.services.files.TransferListener;

/**
 * One download or upload in the Files tab: its name, a progress bar with bytes, rate and time left, and a button
 * that cancels it (closing its connection) or, for a cancelled or cut download, resumes it from the partial file.
 */
final class TransferRow extends JPanel {

    /** What the row runs: one attempt over a fresh connection, reporting progress; returns a summary. */
    @FunctionalInterface
    interface Attempt {
        String run(FilesClient client, TransferListener listener) throws IOException;
    }

    /** Opens a connection to the server. */
    @FunctionalInterface
    interface Connection {
        FilesClient open() throws IOException;
    }

    enum State { RUNNING, DONE, CANCELLED, FAILED }

    private final String title;
    private final Connection connection;
    private final Attempt attempt;
    private final boolean resumable;
    private final JLabel name = new JLabel();
    private final JProgressBar bar = new JProgressBar(0, 100);
    private final JButton action = new JButton("Cancel");
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicBoolean updatePosted = new AtomicBoolean();
    private volatile FilesClient client;
    private volatile boolean cancelled;
    private volatile State state = State.RUNNING;
    private volatile long startNanos;
    private volatile long startBytes = -1;

    TransferRow(String title, boolean resumable, Connection connection, Attempt attempt) {
        super(new BorderLayout(8, 2));
        this.title = title;
        this.connection = connection;
        this.attempt = attempt;
        this.resumable = resumable;
        setName("transfer:" + title);
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        bar.setStringPainted(true);
        bar.setName("transfer.bar");
        action.setName("transfer.action");
        action.setMnemonic(KeyEvent.VK_A);
        name.setText(title);
        add(name, BorderLayout.NORTH);
        add(bar, BorderLayout.CENTER);
        add(action, BorderLayout.EAST);
        action.addActionListener(e -> {
            if (state == State.RUNNING) {
                cancel();
            } else if (resumable && state != State.DONE) {
                start();
            }
        });
    }

    /** Starts (or resumes) the transfer on a virtual thread. */
    void start() {
        state = State.RUNNING;
        cancelled = false;
        startNanos = System.nanoTime();
        startBytes = -1;
        action.setText("Cancel");
        action.setEnabled(true);
        bar.setString("starting…");
        Background.run("transfer", this::attempt, this::finished, this::failed);
    }

    /** One attempt on its own connection, which Cancel closes from the EDT to stop it. */
    private String attempt() throws IOException {
        FilesClient opened = connection.open();
        client = opened;
        try {
            if (cancelled) {
                throw new IOException("cancelled");
            }
            return attempt.run(opened, this::progress);
        } finally {
            opened.close();
        }
    }

    private void progress(String remote, long bytes, long size) {
        if (startBytes < 0) {
            startBytes = bytes;
        }
        done.set(bytes);
        total.set(size);
        if (updatePosted.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showProgress);
        }
    }

    private void showProgress() {
        updatePosted.set(false);
        long bytes = done.get();
        long size = total.get();
        bar.setValue(TransferRate.percent(bytes, size));
        bar.setString(TransferRate.percent(bytes, size) + "% · "
                + TransferRate.describe(bytes, size, bytes - Math.max(startBytes, 0), System.nanoTime() - startNanos));
    }

    private void finished(String summary) {
        state = State.DONE;
        closeClient();
        showProgress();
        long moved = done.get() - Math.max(startBytes, 0);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        bar.setValue(100);
        bar.setString("100% · " + summary + String.format(java.util.Locale.ROOT, " · %.1f s at %s/s", seconds,
                TransferRate.bytes(Math.round(moved / Math.max(seconds, 1e-3)))));
        action.setText("Done");
        action.setEnabled(false);
    }

    private void failed(Exception e) {
        closeClient();
        state = cancelled ? State.CANCELLED : State.FAILED;
        showProgress();
        String what = cancelled ? "cancelled" : "failed: " + Background.describe(e);
        bar.setString(what + (resumable ? " (" + TransferRate.bytes(done.get()) + " kept; Resume continues)" : ""));
        action.setText(resumable ? "Resume" : "Cancelled");
        action.setMnemonic(KeyEvent.VK_R);
        action.setEnabled(resumable);
    }

    /** Stops the transfer by closing its connection; a download keeps its partial file for Resume. */
    void cancel() {
        cancelled = true;
        closeClient();
    }

    private void closeClient() {
        FilesClient open = client;
        client = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // the socket is being abandoned: nothing more to do with it
            }
        }
    }

    String title() {
        return title;
    }

    State state() {
        return state;
    }

    JProgressBar bar() {
        return bar;
    }

    JButton action() {
        return action;
    }
}
