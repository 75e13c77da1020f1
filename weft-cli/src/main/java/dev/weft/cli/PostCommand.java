package dev.weft.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.github.mizosoft.methanol.FormBodyPublisher;
import com.github.mizosoft.methanol.MultipartBodyPublisher;

import dev.weft.client.LocalFileException;
import dev.weft.http.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft post URL}: send a form, a streamed multipart upload, a JSON file or curl's -d body, and print the reply. */
@Command(name = "post", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"POST a form (--form), files as multipart (--file), JSON (--json-body) or curl's -d/--data-binary "
                + "body, and print the reply. Takes the same curl options as get.",
                "Redirects are followed by default (up to --max-redirs). A 4xx or 5xx answer is a failure (exit 1)."})
final class PostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = {"--form", "-F"}, paramLabel = "K=V", description = "Form field (repeatable).")
    List<String> form = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FIELD=@PATH", description = "File to upload as multipart (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = "--json-body", paramLabel = "FILE", description = "Send FILE as an application/json body.")
    Path jsonBody;

    @Mixin
    HttpOptions options;

    @Override
    public Integer call() throws IOException {
        URI uri = WebClient.uri(url, Map.of());
        List<String[]> fields = flatten(GetCommand.pairs(form, "=", "--form"));
        List<String[]> uploads = flatten(GetCommand.pairs(files, "=@", "--file"));
        HttpTransfer transfer = new HttpTransfer(spec, options);
        BodyPublisher data = transfer.data();
        int bodies = (data != null ? 1 : 0) + (jsonBody != null ? 1 : 0) + (fields.isEmpty() && uploads.isEmpty() ? 0 : 1);
        if (bodies > 1) {
            throw CommandFailure.usage("give one body: -d/--data-binary, --json-body, or --form/--file");
        }
        for (String[] file : uploads) {
            readable(Path.of(file[1]));
        }
        if (jsonBody != null) {
            readable(jsonBody);
            return transfer.run("POST", uri, BodyPublishers.ofFile(jsonBody),
                    List.<String[]>of(new String[] {"Content-Type", "application/json"}), false);
        }
        if (data != null) {
            return transfer.run("POST", uri, data, List.of(), false);
        }
        if (!uploads.isEmpty()) {
            MultipartBodyPublisher.Builder multipart = MultipartBodyPublisher.newBuilder();
            fields.forEach(f -> multipart.textPart(f[0], f[1]));
            for (String[] file : uploads) {
                multipart.filePart(file[0], Path.of(file[1]));
            }
            MultipartBodyPublisher body = multipart.build();
            return transfer.run("POST", uri, body, List.<String[]>of(new String[] {"Content-Type", body.mediaType().toString()}), false);
        }
        FormBodyPublisher.Builder formBody = FormBodyPublisher.newBuilder();
        fields.forEach(f -> formBody.query(f[0], f[1]));
        return transfer.run("POST", uri, formBody.build(),
                List.<String[]>of(new String[] {"Content-Type", "application/x-www-form-urlencoded"}), false);
    }

    private static void readable(Path file) throws LocalFileException {
        if (Files.isDirectory(file)) {
            throw new LocalFileException("read", file, "is a directory", null);
        }
        if (!Files.isReadable(file)) {
            throw new LocalFileException("read", file, Files.exists(file) ? "permission denied" : "no such file", null);
        }
    }

    private static List<String[]> flatten(Map<String, List<String>> pairs) {
        List<String[]> flat = new ArrayList<>();
        pairs.forEach((name, values) -> values.forEach(value -> flat.add(new String[] {name, value})));
        return flat;
    }
}
