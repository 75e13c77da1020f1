package dev.weft.cli;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.weft.http.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft get URL}: fetch a URL and print or save the body, like curl (and the seeds' requests.get). */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch a URL and print the body, or save it with -o/-O. Takes curl's options (-X, -d, -u, -i, -v, "
                + "-o, -O, -J, -C -, -k, ...).",
                "Redirects are followed by default (up to --max-redirs). A 4xx or 5xx answer is a failure (exit 1), "
                + "as with curl -f. The server may stay silent for --idle-timeout (30 s) before the command gives up."})
final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = "--param", paramLabel = "K=V", description = "Query parameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", description = "Pretty-print a JSON body.")
    boolean json;

    @Option(names = {"-I", "--head"}, description = "Send HEAD and print the status and headers.")
    boolean head;

    @Mixin
    HttpOptions options;

    @Override
    public Integer call() throws IOException {
        URI uri = WebClient.uri(url, pairs(params, "=", "--param"));
        HttpTransfer transfer = new HttpTransfer(spec, options);
        if (head) {
            options.include = true;
            return transfer.run("HEAD", uri, null, List.of(), false);
        }
        return transfer.run("GET", uri, transfer.data(), List.of(), json);
    }

    static Map<String, List<String>> pairs(List<String> items, String separator, String option) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String item : items) {
            int at = item.indexOf(separator);
            if (at <= 0) {
                throw CommandFailure.usage(option + " needs NAME" + separator + "VALUE, not '" + item + "'");
            }
            pairs.computeIfAbsent(item.substring(0, at), k -> new ArrayList<>()).add(item.substring(at + separator.length()));
        }
        return pairs;
    }
}
