package dev.weft.tools.ftp;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The interactive session of {@code weft ftp shell}: reads commands from a {@link LineSource}, runs them on one
 * {@link FtpSession} and prints results. A failed command prints its one-line error and the session goes on;
 * the exit code says whether any command failed, so piped scripts can check it.
 */
public final class FtpShell {

    /** The commands, with their usage and how many arguments each takes. */
    enum Command {
        LS("ls [PATH]", 0, 1), CD("cd DIR", 1, 1), PWD("pwd", 0, 0), GET("get REMOTE [LOCAL]", 1, 2),
        PUT("put LOCAL [REMOTE]", 1, 2), MKDIR("mkdir DIR", 1, 1), RM("rm PATH", 1, 1),
        RENAME("rename FROM TO", 2, 2), HELP("help", 0, 0), QUIT("quit (or exit, bye)", 0, 0);

        final String usage;
        final int min;
        final int max;

        Command(String usage, int min, int max) {
            this.usage = usage;
            this.min = min;
            this.max = max;
        }

        static Optional<Command> named(String word) {
            String name = switch (word.toLowerCase(Locale.ROOT)) {
                case "exit", "bye" -> "quit";
                case "dir" -> "ls";
                case "delete" -> "rm";
                default -> word.toLowerCase(Locale.ROOT);
            };
            return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    private final FtpSession session;
    private final PrintWriter out;
    private final Path localDir;
    private final TransferListener progress;

    public FtpShell(FtpSession session, PrintWriter out, Path localDir, TransferListener progress) {
        this.session = session;
        this.out = out;
        this.localDir = localDir;
        this.progress = progress;
    }

    /** Runs commands until quit or the end of input; returns 0 when every command succeeded, 1 otherwise. */
    public int run(LineSource lines) throws IOException {
        int failed = 0;
        for (String line; (line = lines.readLine("ftp> ")) != null; ) {
            try {
                List<String> words = words(line);
                if (words.isEmpty()) {
                    continue;
                }
                Command command = Command.named(words.get(0)).orElseThrow(() -> new IllegalArgumentException(
                        "unknown command: " + words.get(0) + " (try help)"));
                if (command == Command.QUIT) {
                    break;
                }
                execute(command, words.subList(1, words.size()));
            } catch (FtpFailure | IllegalArgumentException e) {
                out.println("error: " + e.getMessage());
                failed++;
            }
            out.flush();
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void execute(Command command, List<String> args) throws FtpFailure {
        if (args.size() < command.min || args.size() > command.max) {
            throw new IllegalArgumentException("usage: " + command.usage);
        }
        switch (command) {
            case LS -> session.list(arg(args, 0, "")).forEach(entry -> out.println(entry.line()));
            case CD -> {
                session.cd(args.get(0));
                out.println(session.pwd());
            }
            case PWD -> out.println(session.pwd());
            case GET -> {
                String remote = args.get(0);
                Path local = localDir.resolve(arg(args, 1, remote.substring(remote.lastIndexOf('/') + 1)));
                FileDownload.Result result = FileDownload.run(session, remote, local, true, progress);
                out.println(remote + " -> " + local + " (" + result.fetched() + " bytes"
                        + (result.resumedFrom() > 0 ? ", resumed at " + result.resumedFrom() : "") + ")");
            }
            case PUT -> {
                Path local = localDir.resolve(args.get(0));
                String remote = arg(args, 1, local.getFileName().toString());
                long bytes = session.upload(local, remote, progress);
                out.println(local + " -> " + remote + " (" + bytes + " bytes)");
            }
            case MKDIR -> session.mkdir(args.get(0));
            case RM -> session.delete(args.get(0));
            case RENAME -> session.rename(args.get(0), args.get(1));
            case HELP -> Arrays.stream(Command.values()).forEach(c -> out.println("  " + c.usage));
            case QUIT -> throw new IllegalStateException("quit is handled by the loop");
        }
    }

    private static String arg(List<String> args, int index, String otherwise) {
        return args.size() > index ? args.get(index) : otherwise;
    }

    /** Splits a command line at spaces; double quotes keep spaces in a name. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
