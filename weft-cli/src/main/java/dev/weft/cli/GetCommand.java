package dev.weft.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.weft.http.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft get URL}: fetch a URL and print or save the body, like the seeds' raw-socket GET and requests.get. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Fetch a URL; print the body or save it with -o.")
final class GetCommand implements Callable<Integer> {

    private static final long PROGRESS_FROM = 1 << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = "--param", paramLabel = "K=V", description = "Query parameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save the body to FILE.")
    Path output;

    @Option(names = "--json", description = "Pretty-print a JSON body.")
    boolean json;

    @Option(names = "--head", description = "Send HEAD and print the status and headers.")
    boolean head;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        URI uri = WebClient.uri(url, pairs(params, "=", "--param"));
        WebClient client = new WebClient(timeout);
        List<String[]> headerList = ClientArgs.headers(headers);
        if (head) {
            WebClient.Result result = client.get(uri, headerList, true, OutputStream.nullOutputStream(), WebClient.Progress.NONE);
            out.println(result.status());
            result.headers().map().forEach((name, values) -> values.forEach(v -> out.println(name + ": " + v)));
            out.flush();
            return ClientArgs.exit(result, uri);
        }
        if (output != null) {
            WebClient.Result[] result = new WebClient.Result[1];
            try {
                WebClient.saveAtomically(output, file -> {
                    result[0] = client.get(uri, headerList, false, file, progress());
                    if (!result[0].ok()) {
                        throw new ClientArgs.NotSaved();
                    }
                });
            } catch (ClientArgs.NotSaved e) {
                return ClientArgs.exit(result[0], uri);
            }
            spec.commandLine().getErr().println("saved " + result[0].bytes() + " bytes to " + output);
            return ClientArgs.exit(result[0], uri);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        WebClient.Result result = client.get(uri, headerList, false, body, WebClient.Progress.NONE);
        print(body.toByteArray(), out);
        return ClientArgs.exit(result, uri);
    }

    private void print(byte[] body, PrintWriter out) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (json) {
            try {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                text = mapper.writeValueAsString(mapper.readTree(body)) + "\n";
            } catch (IOException e) {
                throw new CommandFailure("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        out.print(text);
        out.flush();
    }

    /** A one-line progress display on a terminal, for downloads over 1 MiB. */
    private WebClient.Progress progress() {
        if (System.console() == null) {
            return WebClient.Progress.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        return new WebClient.Progress() {
            private long shown;

            @Override
            public void update(long total, long sofar) {
                if ((total >= 0 && total < PROGRESS_FROM) || sofar - shown < (256 << 10)) {
                    return;
                }
                shown = sofar;
                err.print(total > 0 ? String.format("\r%,d / %,d bytes (%d%%)", sofar, total, sofar * 100 / total)
                        : String.format("\r%,d bytes", sofar));
                err.flush();
            }

            @Override
            public void done(long bytes) {
                if (shown > 0) {
                    err.println();
                }
            }
        };
    }

    static Map<String, List<String>> pairs(List<String> items, String separator, String option) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String item : items) {
            int at = item.indexOf(separator);
            if (at <= 0) {
                throw new CommandFailure(option + " needs NAME" + separator + "VALUE, not '" + item + "'");
            }
            pairs.computeIfAbsent(item.substring(0, at), k -> new ArrayList<>()).add(item.substring(at + separator.length()));
        }
        return pairs;
    }
}
