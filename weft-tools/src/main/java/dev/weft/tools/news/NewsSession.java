package dev.weft.tools.news;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.net.ssl.SSLException;

import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NNTPConnectionClosedException;
import org.apache.commons.net.nntp.NNTPReply;
import org.apache.commons.net.nntp.NewsgroupInfo;
import org.apache.commons.net.nntp.SimpleNNTPHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.tools.news.NewsFailure.Step;
import dev.weft.tools.session.ControlConnection;

/**
 * One reader session with a news server on Apache Commons Net: connect, MODE READER (a server that takes the client
 * for a peer refuses posts without it), STARTTLS, AUTHINFO, then groups, headers (XHDR), bodies and posts.
 * Every failure is a {@link NewsFailure} naming its step.
 */
public final class NewsSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsSession.class);
    private static final List<String> SUMMARY_HEADERS = List.of("From", "Subject", "Date");

    private final NNTPClient client;
    private final NewsServer server;

    private NewsSession(NNTPClient client, NewsServer server) {
        this.client = client;
        this.server = server;
    }

    public static NewsSession open(NewsServer server) throws NewsFailure {
        NNTPClient client = server.tls() ? new TlsNntpClient(server.host(), server.implicitTls(), server.insecure())
                : new NNTPClient();
        int millis = Math.toIntExact(server.timeout().toMillis());
        client.setConnectTimeout(millis);
        client.setDefaultTimeout(millis);
        NewsSession session = new NewsSession(client, server);
        try {
            session.start();
            return session;
        } catch (NewsFailure e) {
            session.close();
            throw e;
        }
    }

    private void start() throws NewsFailure {
        try {
            client.connect(server.host(), server.port());
        } catch (SSLException e) {
            throw new NewsFailure(Step.TLS, server.address(), ControlConnection.tlsReason(e), e);
        } catch (IOException e) {
            throw new NewsFailure(Step.CONNECT, server.address(), ControlConnection.describe(e), e);
        }
        if (!NNTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw new NewsFailure(Step.CONNECT, server.address(), reply());
        }
        int mode = io(Step.COMMAND, "MODE READER", () -> client.sendCommand("MODE READER"));
        if (!NNTPReply.isPositiveCompletion(mode)) {
            LOG.debug("{} answered MODE READER with {}", server, reply()); // not every server knows it; go on
        }
        if (server.tls() && !server.implicitTls() && client instanceof TlsNntpClient tls) {
            boolean upgraded;
            try {
                upgraded = tls.startTls();
            } catch (SSLException e) {
                throw new NewsFailure(Step.TLS, server.address(), ControlConnection.tlsReason(e), e);
            } catch (IOException e) {
                throw new NewsFailure(Step.TLS, server.address(), ControlConnection.describe(e), e);
            }
            if (!upgraded) {
                throw new NewsFailure(Step.TLS, server.address(), "STARTTLS refused: " + reply());
            }
        }
        if (server.user() != null) {
            String who = "user " + server.user() + " on " + server.address();
            if (!io(Step.LOGIN, who, () -> client.authenticate(server.user(), server.password()))) {
                throw new NewsFailure(Step.LOGIN, who, reply());
            }
        }
    }

    /** Selects a group (GROUP) and returns its name, article count and number range. */
    public GroupSummary group(String name) throws NewsFailure {
        NewsgroupInfo info = new NewsgroupInfo();
        if (!io(Step.GROUP, name, () -> client.selectNewsgroup(name, info))) {
            throw groupFailure(name);
        }
        return new GroupSummary(name, info.getArticleCountLong(), info.getFirstArticleLong(),
                info.getLastArticleLong(), List.of());
    }

    /** From, Subject and Date of the articles numbered low to high in the selected group (XHDR, as the seed). */
    public SortedMap<Long, Map<String, String>> headers(long low, long high) throws NewsFailure {
        SortedMap<Long, Map<String, String>> articles = new TreeMap<>();
        for (String header : SUMMARY_HEADERS) {
            String command = "XHDR " + header + " " + low + "-" + high;
            BufferedReader lines = io(Step.COMMAND, command, () -> client.retrieveHeader(header, low, high));
            if (lines == null) {
                throw new NewsFailure(Step.COMMAND, command, reply());
            }
            for (String line : io(Step.COMMAND, command, () -> readAll(lines))) {
                int space = line.indexOf(' ');
                long number = Long.parseLong(space < 0 ? line : line.substring(0, space));
                String value = space < 0 ? "" : line.substring(space + 1).strip();
                articles.computeIfAbsent(number, n -> new LinkedHashMap<>()).put(header, value);
            }
        }
        return articles;
    }

    /** The body lines of an article of the selected group (dot-stuffing undone). */
    public List<String> body(long number) throws NewsFailure {
        BufferedReader reader = io(Step.ARTICLE, Long.toString(number), () -> client.retrieveArticleBody(number));
        if (reader == null) {
            throw new NewsFailure(Step.ARTICLE, Long.toString(number), reply());
        }
        return io(Step.ARTICLE, Long.toString(number), () -> readAll(reader));
    }

    /** The groups matching a wildmat pattern ("*" for all), from LIST ACTIVE. */
    public List<NewsgroupInfo> groups(String pattern) throws NewsFailure {
        NewsgroupInfo[] groups = io(Step.COMMAND, "LIST ACTIVE " + pattern, () -> client.listNewsgroups(pattern));
        if (groups == null) {
            throw new NewsFailure(Step.COMMAND, "LIST ACTIVE " + pattern, reply());
        }
        return Arrays.stream(groups).filter(Objects::nonNull).toList();
    }

    /** Posts an article to a group; returns the server's acceptance line (with the Message-ID on most servers). */
    public String post(String group, String subject, String from, List<String> body) throws NewsFailure {
        for (String[] header : new String[][] {{"group", group}, {"subject", subject}, {"from", from}}) {
            if (header[1] == null || header[1].isBlank() || header[1].contains("\r") || header[1].contains("\n")) {
                throw new IllegalArgumentException("the " + header[0] + " must be one non-empty line: " + header[1]);
            }
        }
        Writer writer = io(Step.POST, group, client::postArticle);
        if (writer == null) {
            throw new NewsFailure(Step.POST, group, reply());
        }
        SimpleNNTPHeader header = new SimpleNNTPHeader(from, subject);
        header.addNewsgroup(group);
        io(Step.POST, group, () -> {
            try (writer) {
                writer.write(header.toString()); // ends with the blank line before the body
                for (String line : body) {
                    writer.write(line);
                    writer.write("\r\n");
                }
            }
            return null;
        });
        if (!io(Step.POST, group, client::completePendingCommand)) {
            throw new NewsFailure(Step.POST, group, reply());
        }
        return reply();
    }

    @Override
    public void close() {
        ControlConnection.close(client, client::logout, server, LOG);
    }

    private NewsFailure groupFailure(String name) {
        return switch (client.getReplyCode()) {
            case NNTPReply.NO_SUCH_NEWSGROUP -> new NewsFailure(Step.GROUP, name, "no such group (" + reply() + ")");
            case NNTPReply.AUTHENTICATION_REQUIRED ->
                    new NewsFailure(Step.GROUP, name, "the server asks for --user and --password (" + reply() + ")");
            default -> new NewsFailure(Step.GROUP, name, reply());
        };
    }

    private static List<String> readAll(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        try (reader) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private <T> T io(Step step, String subject, Call<T> call) throws NewsFailure {
        try {
            return call.run();
        } catch (NewsFailure e) {
            throw e;
        } catch (NNTPConnectionClosedException e) {
            throw new NewsFailure(step, subject, "the server closed the connection (" + reply() + ")", e);
        } catch (IOException e) {
            throw new NewsFailure(step, subject, ControlConnection.describe(e), e);
        }
    }

    private String reply() {
        return ControlConnection.firstLine(client.getReplyString());
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
