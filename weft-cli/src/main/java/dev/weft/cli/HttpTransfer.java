package dev.weft.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.weft.client.LocalFileException;
import dev.weft.client.UserFile;
import dev.weft.http.client.Credentials;
import dev.weft.http.client.WebClient;
import dev.weft.tools.progress.ProgressLine;
import dev.weft.tools.progress.Sizes;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code weft get} or {@code weft post} exchange as curl would run it from the same options: the body from
 * -d/--data-binary, credentials from -u or the URL, -v heads on standard error, the answer to standard output or to
 * the file -o/-O/-J names (through {@link UserFile}, curl's rules), -C - resuming it, and 4xx/5xx as one failed line.
 */
final class HttpTransfer {

    private static final long PROGRESS_FROM = 1 << 20;
    private static final Pattern DISPOSITION_STAR = Pattern.compile("filename\\*\\s*=\\s*[^']*'[^']*'([^;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPOSITION = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;]+)", Pattern.CASE_INSENSITIVE);

    private final CommandSpec spec;
    private final HttpOptions options;

    HttpTransfer(CommandSpec spec, HttpOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** A body given with -d / --data-binary, or null when there is none. */
    BodyPublisher data() throws IOException {
        if (options.data.isEmpty() && options.dataBinary.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String item : options.data) {
            append(body, read(item, true));
        }
        for (String item : options.dataBinary) {
            append(body, read(item, false));
        }
        return BodyPublishers.ofByteArray(body.toByteArray());
    }

    private static void append(ByteArrayOutputStream body, byte[] part) {
        if (body.size() > 0) {
            body.write('&');
        }
        body.writeBytes(part);
    }

    private static byte[] read(String item, boolean dropNewlines) throws IOException {
        if (!item.startsWith("@")) {
            return item.getBytes(StandardCharsets.UTF_8);
        }
        String name = item.substring(1);
        byte[] bytes;
        if (name.equals("-")) {
            bytes = System.in.readAllBytes();
        } else {
            try {
                bytes = Files.readAllBytes(Path.of(name));
            } catch (IOException e) {
                throw LocalFileException.of("read", Path.of(name), e);
            }
        }
        if (!dropNewlines) {
            return bytes;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                kept.write(b);
            }
        }
        return kept.toByteArray();
    }

    /** Runs the exchange; {@code json} pretty-prints a JSON answer. Returns the exit code. */
    int run(String defaultMethod, URI uri, BodyPublisher body, List<String[]> bodyHeaders, boolean json) throws IOException {
        check();
        PrintWriter err = spec.commandLine().getErr();
        WebClient client = new WebClient(new WebClient.Settings(options.connectTimeout, options.idleTimeout,
                options.maxTime, options.trust.trust(err), options.maxRedirects,
                options.verbose ? line -> { err.println(line); err.flush(); } : null));
        List<String[]> headers = new ArrayList<>(bodyHeaders);
        if (body != null && bodyHeaders.isEmpty() && !hasHeader("Content-Type")) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        headers.addAll(ClientArgs.headers(options.headers));
        Optional<String> userPass = Optional.ofNullable(options.user).or(() -> Credentials.inUrl(uri));
        userPass.ifPresent(pass -> headers.add(new String[] {"Authorization", Credentials.basic(pass)}));
        String method = options.method != null ? options.method : body != null && defaultMethod.equals("GET") ? "POST" : defaultMethod;

        UserFile file = target(uri, null);
        long resumeFrom = 0;
        if (options.continueAt != null && file != null && file.kind() == UserFile.Kind.REPLACE && Files.isRegularFile(file.target())) {
            resumeFrom = Files.size(file.target());
            if (resumeFrom > 0) {
                headers.add(new String[] {"Range", "bytes=" + resumeFrom + "-"});
            }
        }
        try (WebClient.Reply reply = client.open(new WebClient.Request(method, uri, headers, body))) {
            if (reply.status() == 416 && resumeFrom > 0) {
                note("the file is already complete: " + file.named());
                return ExitCode.OK.code();
            }
            if (reply.status() >= 400) {
                String hint = reply.status() != 401 ? "" : userPass.isPresent() ? " (the credentials were refused)"
                        : " (it wants credentials: -u USER:PASS)";
                throw new CommandFailure(reply.uri() + " answered " + reply.status() + hint);
            }
            if (options.remoteHeaderName) {
                file = target(uri, reply);
            }
            if (file == null) {
                return print(reply, json);
            }
            return save(reply, file, reply.status() == 206 ? resumeFrom : 0);
        }
    }

    private void check() {
        if (options.maxRedirects < 0) {
            throw CommandFailure.usage("--max-redirs must be 0 or more, not " + options.maxRedirects);
        }
        if (options.continueAt != null && !options.continueAt.equals("-")) {
            throw CommandFailure.usage("-C takes only '-' (resume from the file's size), not '" + options.continueAt + "'");
        }
        if (options.continueAt != null && options.output == null && !options.remoteName) {
            throw CommandFailure.usage("-C - needs -o FILE or -O");
        }
        if (options.remoteHeaderName && !options.remoteName) {
            throw CommandFailure.usage("-J needs -O");
        }
        if (options.output != null && options.remoteName) {
            throw CommandFailure.usage("use either -o FILE or -O, not both");
        }
        options.trust.check();
    }

    private boolean hasHeader(String name) {
        return options.headers.stream().anyMatch(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
    }

    /** The file -o or -O names (with -J, once the head is here), or null for standard output. */
    private UserFile target(URI uri, WebClient.Reply reply) throws IOException {
        OutputStream stdout = ByteWriter.bytes(spec.commandLine().getOut());
        if (options.output != null) {
            return options.output.toString().equals("-") ? null : UserFile.of(options.output, stdout);
        }
        if (!options.remoteName) {
            return null;
        }
        String name = reply == null ? null : dispositionName(reply).orElse(null);
        if (name == null) {
            String path = uri.getPath() == null ? "" : uri.getPath();
            name = path.substring(path.lastIndexOf('/') + 1);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new CommandFailure("-O: " + Credentials.hide(uri) + " has no file name to save under; use -o FILE");
        }
        return UserFile.of(Path.of(name));
    }

    /** The file name from Content-Disposition, its folders dropped (a server does not choose where we write). */
    private static Optional<String> dispositionName(WebClient.Reply reply) {
        String value = reply.headers().firstValue("Content-Disposition").orElse("");
        String name = null;
        Matcher star = DISPOSITION_STAR.matcher(value);
        Matcher plain = DISPOSITION.matcher(value);
        if (star.find()) {
            name = URLDecoder.decode(star.group(1).trim(), StandardCharsets.UTF_8);
        } else if (plain.find()) {
            name = plain.group(2) != null ? plain.group(2) : plain.group(1).trim();
        }
        if (name == null) {
            return Optional.empty();
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.isBlank() || name.equals(".") || name.equals("..") ? Optional.empty() : Optional.of(name);
    }

    private int print(WebClient.Reply reply, boolean json) throws IOException {
        OutputStream out = ByteWriter.bytes(spec.commandLine().getOut());
        if (options.include) {
            out.write(reply.head().getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!json) {
            reply.copyTo(out, WebClient.Progress.NONE);
            out.close();
            return ExitCode.OK.code();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        reply.copyTo(body, WebClient.Progress.NONE);
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.write((mapper.writeValueAsString(mapper.readTree(body.toByteArray())) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CommandFailure("the body is not JSON: " + e.getOriginalMessage());
        }
        out.close();
        return ExitCode.OK.code();
    }

    private int save(WebClient.Reply reply, UserFile file, long appendAt) throws IOException {
        long[] bytes = new long[1];
        long started = System.nanoTime();
        UserFile.Writer body = out -> {
            if (options.include) {
                out.write(reply.head().getBytes(StandardCharsets.ISO_8859_1));
            }
            bytes[0] = reply.copyTo(out, progress());
        };
        if (appendAt > 0) {
            try (OutputStream out = Files.newOutputStream(file.target(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                body.write(out);
            } catch (LocalFileException e) {
                throw e;
            } catch (java.nio.file.FileSystemException e) {
                throw LocalFileException.of("write", file.named(), e);
            }
            note("resumed " + file.named() + " at byte " + appendAt + ": " + Sizes.summarySince(bytes[0], started));
            return ExitCode.OK.code();
        }
        file.write(body);
        note("saved " + file.named() + ": " + Sizes.summarySince(bytes[0], started));
        return ExitCode.OK.code();
    }

    private void note(String line) {
        if (!options.silent) {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        }
    }

    /** The one-line progress display every transfer shows ({@link ProgressLine}) on a terminal, for bodies over 1 MiB. */
    private WebClient.Progress progress() {
        if (System.console() == null || options.silent) {
            return WebClient.Progress.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        return new WebClient.Progress() {
            private long shown;

            @Override
            public void update(long total, long sofar) {
                if ((total >= 0 && total < PROGRESS_FROM) || sofar - shown < (256 << 10)) {
                    return;
                }
                shown = sofar;
                err.print("\r" + ProgressLine.format("get", sofar, total, Duration.ofNanos(System.nanoTime() - started), "")
                        + "\033[K");
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
}
