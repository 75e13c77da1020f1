package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.services.chat.Chat;
import dev.weft.services.chat.ChatConfig;
import dev.weft.services.chat.ChatScreen;
import dev.weft.services.chat.Peer;
import dev.weft.services.chat.WireFormat;
import dev.weft.tools.progress.InteractiveConsole;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft chat}: the LAN chat. On a terminal a line editor keeps the line being typed intact while
 * messages arrive above it; with stdin piped, lines are read plainly and messages printed one per line.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"UDP chat on the LAN, compatible with the seeds' Python chat and nc -u.",
                "Each line typed (or piped) goes as one datagram to every peer; messages are printed as they arrive.",
                "Commands: /peers, /to HOST:PORT, /help, /quit (or exit). Ctrl-D or EOF leaves too."})
final class ChatCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8080;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "UDP port to receive on and send from (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = {"-b", "--bind"}, paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every IPv4 interface; :: for IPv6 too).")
    String bind;

    @Option(names = "--to", paramLabel = "HOST:PORT",
            description = "A peer to send to; repeat for more ([::1]:8080 for IPv6). /to adds peers later.")
    List<String> to = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME",
            description = "Put 'NAME: ' before each message sent (1-32 letters, digits, _ - .).")
    String name;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Append every message sent and received to FILE (UTF-8, one line each).")
    Path history;

    @Option(names = "--encoding", paramLabel = "utf-8|gbk", defaultValue = "utf-8",
            description = "Encoding of the text on the wire (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--max-message", paramLabel = "BYTES", defaultValue = "" + WireFormat.DEFAULT_MAX_BYTES,
            description = "Refuse to send a message longer than this (default: ${DEFAULT-VALUE}).")
    int maxMessage;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = "virtual", converter = ModelConverter.class,
            description = "Concurrency model receiving runs under: thread, pool[:N], virtual (default), event-loop[:N]."
                    + " Not processes: a chat is one socket and one user.")
    Model model;

    @Override
    public Integer call() throws IOException {
        ChatConfig config = config();
        boolean terminal = InteractiveConsole.present();
        try (Keyboard keyboard = terminal ? new LineEditor() : new PipedLines(spec.commandLine().getOut(), spec.commandLine().getErr());
             Chat chat = Chat.start(config, keyboard)) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> closeQuietly(chat)));
            keyboard.notice(chat.startupLine());
            for (String line = keyboard.readLine(); line != null && chat.input(line); line = keyboard.readLine()) {
                // each line is sent or run by chat.input
            }
        }
        return ExitCode.OK.code();
    }

    private ChatConfig config() {
        if (model instanceof Model.Processes) {
            throw usage("chat cannot run under --model " + model.spec()
                    + ": a chat is one socket and one user (use thread, pool, virtual or event-loop)");
        }
        try {
            List<Peer> peers = to.stream().map(Peer::parse).toList();
            Charset charset = WireFormat.encoding(encoding);
            ServerConfig server = ServerConfig.builder("chat").bind(bind, port).model(model).build();
            return ChatConfig.of(server, peers).withName(name).withWire(new WireFormat(charset, maxMessage)).withHistory(history);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void closeQuietly(Chat chat) {
        try {
            chat.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ChatCommand.class).debug("closing the chat at exit", e);
        }
    }

    /** Where typed lines come from, and where the chat shows things. */
    interface Keyboard extends ChatScreen, AutoCloseable {

        /** The next line, or null at the end of input (EOF, Ctrl-D, Ctrl-C). */
        String readLine() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Piped stdin: plain UTF-8 lines in; messages to stdout, everything else to stderr. */
    static final class PipedLines implements Keyboard {
        private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        private final PrintWriter out;
        private final PrintWriter err;

        PipedLines(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void message(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }

        @Override
        public void notice(String line) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }

        @Override
        public void close() {
            out.flush();
            err.flush();
        }
    }

    /** A terminal: JLine edits the line being typed and prints arriving messages above it. */
    static final class LineEditor implements Keyboard {
        private final Terminal terminal;
        private final LineReader reader;

        LineEditor() throws IOException {
            this(TerminalBuilder.builder().system(true).build());
        }

        LineEditor(Terminal terminal) {
            this.terminal = terminal;
            this.reader = LineReaderBuilder.builder().terminal(terminal).appName("weft chat").build();
        }

        @Override
        public String readLine() {
            try {
                return reader.readLine("> ");
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
        }

        @Override
        public void message(String line) {
            reader.printAbove(line);
        }

        @Override
        public void notice(String line) {
            reader.printAbove(line);
        }

        @Override
        public void close() throws IOException {
            terminal.close();
        }
    }
}
