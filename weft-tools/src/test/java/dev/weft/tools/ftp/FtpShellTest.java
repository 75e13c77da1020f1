package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven by piped command lines, as `printf 'ls\nquit\n' | weft ftp shell HOST` does. */
class FtpShellTest {

    @TempDir
    Path root;

    @TempDir
    Path local;

    private FtpTestServer server;

    @BeforeEach
    void startServer() throws Exception {
        FtpTestServer.write(root.resolve("docs/notes.txt"), "notes\n".getBytes());
        server = FtpTestServer.start(root);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void runsEachCommandOnOneSession() throws Exception {
        Files.writeString(local.resolve("up.txt"), "uploaded\n");
        String notesLine = lineOf("docs/notes.txt", "notes.txt");
        String output = shell("""
                pwd
                cd docs
                ls
                get notes.txt
                mkdir new
                put up.txt "new/up load.txt"
                rename "new/up load.txt" new/final.txt
                ls new
                rm notes.txt
                quit
                pwd
                """, 0);

        assertThat(output.lines()).containsExactly(
                "/",
                "/docs",
                notesLine,
                "notes.txt -> " + local.resolve("notes.txt") + " (6 bytes)",
                local.resolve("up.txt") + " -> new/up load.txt (9 bytes)",
                lineOf("docs/new/final.txt", "final.txt"));
        assertThat(local.resolve("notes.txt")).hasContent("notes");
        assertThat(root.resolve("docs/new/final.txt")).hasContent("uploaded");
        assertThat(root.resolve("docs/notes.txt")).doesNotExist();
    }

    @Test
    void failedCommandPrintsItsErrorAndTheSessionGoesOn() throws Exception {
        String output = shell("""
                cd nowhere
                get missing.bin
                frobnicate
                get
                pwd
                """, 1);

        assertThat(output.lines()).containsExactly(
                "error: no such directory: nowhere: 550 No such directory.",
                "error: no such file: missing.bin: 550 /missing.bin: No such file or directory.",
                "error: unknown command: frobnicate (try help)",
                "error: usage: get REMOTE [LOCAL]",
                "/");
    }

    @Test
    void endOfInputEndsTheSessionLikeQuit() throws Exception {
        assertThat(shell("pwd\n", 0)).isEqualTo("/\n");
    }

    @Test
    void wordsKeepQuotedSpaces() {
        assertThat(FtpShell.words("put  \"a b.txt\" c ")).containsExactly("put", "a b.txt", "c");
        assertThat(FtpShell.words("   ")).isEmpty();
    }

    private String lineOf(String path, String name) throws Exception {
        long size = Files.size(root.resolve(path));
        return new RemoteEntry(name, false, size, Files.getLastModifiedTime(root.resolve(path)).toInstant()).line();
    }

    private String shell(String commands, int expectedExit) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        try (FtpSession session = FtpSession.open(server.writer(""), FtpOptions.defaults());
                LineSource lines = LineSource.plain(new BufferedReader(new StringReader(commands)))) {
            assertThat(new FtpShell(session, out, local, TransferListener.NONE).run(lines)).isEqualTo(expectedExit);
        }
        return text.toString();
    }
}
