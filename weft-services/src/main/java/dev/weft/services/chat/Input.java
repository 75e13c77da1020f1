package dev.weft.services.chat;

/**
 * What a typed line means: a message, or one of the chat's commands. {@code //text} sends {@code /text}.
 */
public sealed interface Input {

    /** Leave: {@code /quit}, or the seeds' {@code exit}. */
    record Quit() implements Input {
    }

    /** {@code /peers}: list the peers. */
    record ListPeers() implements Input {
    }

    /** {@code /to HOST:PORT}: add a peer. */
    record AddPeer(String spec) implements Input {
    }

    /** {@code /help}. */
    record Help() implements Input {
    }

    /** A {@code /word} that is no command. */
    record Unknown(String command) implements Input {
    }

    /** A line to send; never empty. */
    record Say(String text) implements Input {
    }

    /** An empty line: nothing to do. */
    record Blank() implements Input {
    }

    String HELP = """
            Type a line and press Enter to send it to every peer. Commands:
              /peers          list the peers
              /to HOST:PORT   add a peer (IPv6 in brackets: /to [::1]:8080)
              /help           this help
              /quit or exit   leave (so does Ctrl-D)
              //text          send a line that starts with '/'""";

    static Input parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new Blank();
        }
        if (trimmed.equals("exit")) {
            return new Quit();
        }
        if (trimmed.startsWith("//")) {
            return new Say(line.substring(line.indexOf('/') + 1));
        }
        if (!trimmed.startsWith("/")) {
            return new Say(line);
        }
        String[] words = trimmed.split("\\s+", 2);
        return switch (words[0]) {
            case "/quit" -> new Quit();
            case "/peers" -> new ListPeers();
            case "/help" -> new Help();
            case "/to" -> new AddPeer(words.length > 1 ? words[1] : "");
            default -> new Unknown(words[0]);
        };
    }
}
