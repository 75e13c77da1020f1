package dev.weft.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.weft.http.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft post URL}: send a form, a streamed multipart upload, or a JSON file, and print the reply. */
@Command(name = "post", mixinStandardHelpOptions = true,
        description = "POST a form (--form), files as multipart (--file), or JSON (--json-body) and print the reply.")
final class PostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = "--form", paramLabel = "K=V", description = "Form field (repeatable).")
    List<String> form = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FIELD=@PATH", description = "File to upload as multipart (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = "--json-body", paramLabel = "FILE", description = "Send FILE as an application/json body.")
    Path jsonBody;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws IOException {
        URI uri = WebClient.uri(url, Map.of());
        List<String[]> fields = flatten(GetCommand.pairs(form, "=", "--form"));
        List<String[]> uploads = new ArrayList<>();
        for (String[] file : flatten(GetCommand.pairs(files, "=@", "--file"))) {
            if (!Files.isReadable(Path.of(file[1]))) {
                throw new CommandFailure("cannot read file to upload: " + file[1]);
            }
            uploads.add(file);
        }
        if (jsonBody != null && !Files.isReadable(jsonBody)) {
            throw new CommandFailure("cannot read JSON body file: " + jsonBody);
        }
        if (jsonBody != null && !(fields.isEmpty() && uploads.isEmpty())) {
            throw new CommandFailure("--json-body cannot be combined with --form or --file");
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        WebClient.Result result = new WebClient(timeout).post(uri, ClientArgs.headers(headers), fields, uploads, jsonBody, reply);
        spec.commandLine().getOut().print(reply.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ClientArgs.exit(result, uri);
    }

    private static List<String[]> flatten(Map<String, List<String>> pairs) {
        List<String[]> flat = new ArrayList<>();
        pairs.forEach((name, values) -> values.forEach(value -> flat.add(new String[] {name, value})));
        return flat;
    }
}
