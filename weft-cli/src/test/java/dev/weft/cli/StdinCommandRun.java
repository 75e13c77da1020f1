package dev.weft.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the weft command in this JVM: its exit code, stdout and stderr, with the given stdin. */
record StdinCommandRun(int exitCode, String out, String err) {

    static StdinCommandRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new StdinCommandRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    static StdinCommandRun of(String... args) {
        return withInput("", args);
    }
}
