package dev.weft.tools.ftp;

import java.io.BufferedReader;
import java.io.IOException;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** Where the shell's command lines come from: JLine with line editing and history on a terminal, plain lines when piped. */
public interface LineSource extends AutoCloseable {

    /** The next line, or null at the end of input. */
    String readLine(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    /** Plain lines, no prompt: for piped input and scripts. */
    static LineSource plain(BufferedReader reader) {
        return new LineSource() {
            @Override
            public String readLine(String prompt) throws IOException {
                return reader.readLine();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** Line editing and history on a terminal; Ctrl-C drops the line, Ctrl-D ends the session. */
    static LineSource editing(Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("weft ftp").build();
        return new LineSource() {
            @Override
            public String readLine(String prompt) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    return "";
                } catch (EndOfFileException e) {
                    return null;
                }
            }

            @Override
            public void close() throws IOException {
                terminal.close();
            }
        };
    }
}
