package dev.weft.http;

import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link AccessLog} in the Combined Log Format that Apache and nginx write, one line per response:
 * {@code 127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 2326 "-" "curl/8.5.0"}.
 *
 * <p>Lines are written by whichever request thread finds the log idle, together with every line that arrived while
 * it was writing: under load many lines go out in one write instead of one write each (which cost a tenth of a
 * small request's time), and an idle server still writes each line at once. When the output is slower than the
 * requests, recording waits once {@link #MAX_PENDING} characters are pending, so memory stays bounded.
 */
public final class CombinedLog implements AccessLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    static final int MAX_PENDING = 64 * 1024;

    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taken = lock.newCondition();
    private StringBuilder pending = new StringBuilder();
    private StringBuilder spare = new StringBuilder();
    private boolean writing;
    private Stamp stamp = new Stamp(Long.MIN_VALUE, null, "");

    /** The formatted time of the last second seen: formatting a date costs more than the rest of a line. */
    private record Stamp(long second, java.time.ZoneOffset offset, String text) {
    }

    public CombinedLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void record(Entry entry) {
        String line = format(entry, time(entry.time()));
        lock.lock();
        try {
            while (pending.length() >= MAX_PENDING) {
                taken.awaitUninterruptibly();
            }
            pending.append(line).append(System.lineSeparator());
            if (writing) {
                return;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        writeAll();
    }

    /** Writes what is pending until nothing is; only one thread at a time runs this. */
    private void writeAll() {
        boolean done = false;
        try {
            while (true) {
                StringBuilder batch;
                lock.lock();
                try {
                    if (pending.isEmpty()) {
                        writing = false;
                        done = true;
                        return;
                    }
                    batch = pending;
                    pending = spare;
                    taken.signalAll();
                } finally {
                    lock.unlock();
                }
                out.append(batch);
                out.flush();
                batch.setLength(0);
                spare = batch.capacity() > 4 * MAX_PENDING ? new StringBuilder() : batch;
            }
        } finally {
            if (!done) {
                lock.lock();
                try {
                    writing = false;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private String time(ZonedDateTime time) {
        long second = time.toEpochSecond();
        Stamp last = stamp;
        if (last.second() == second && last.offset().equals(time.getOffset())) {
            return last.text();
        }
        String text = TIME.format(time);
        stamp = new Stamp(second, time.getOffset(), text);
        return text;
    }

    static String format(Entry entry, String time) {
        String host = entry.remote() == null ? "-" : entry.remote().getAddress().getHostAddress();
        return host + " - " + (entry.user() == null ? "-" : quoteFree(entry.user())) + " [" + time + "] \""
                + quoteFree(entry.requestLine()) + "\" " + entry.status() + " " + entry.bytes() + " \""
                + quoteFree(entry.referer() == null ? "-" : entry.referer()) + "\" \""
                + quoteFree(entry.userAgent() == null ? "-" : entry.userAgent()) + "\"";
    }

    /** Escapes quotes, backslashes and controls so a field cannot forge a log line. */
    private static String quoteFree(String text) {
        int i = 0;
        while (i < text.length() && plain(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
    }
}
