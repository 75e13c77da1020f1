package dev.weft.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The curl options {@code weft get} and {@code weft post} share, spelled as curl spells them so a curl user's fingers
 * work (the README maps each one). What they do is in {@link HttpTransfer}.
 */
final class HttpOptions {

    @Option(names = {"-X", "--request"}, paramLabel = "METHOD", description = "Request method (PUT, DELETE, PATCH, ...).")
    String method;

    @Option(names = {"-d", "--data"}, paramLabel = "DATA",
            description = "Send DATA as a form body (@FILE reads a file, @- standard input; newlines dropped; "
                    + "repeats are joined with &). Makes a GET a POST.")
    List<String> data = new ArrayList<>();

    @Option(names = "--data-binary", paramLabel = "DATA", description = "Like -d, but @FILE is sent byte for byte.")
    List<String> dataBinary = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASS",
            description = "Basic authentication (user:pass in the URL works too); the password is never printed.")
    String user;

    @Option(names = {"-i", "--include"}, description = "Print the response's status line and headers before the body.")
    boolean include;

    @Option(names = {"-v", "--verbose"}, description = "Show the request and response heads on standard error.")
    boolean verbose;

    @Option(names = {"-L", "--location"},
            description = "Follow redirects. weft follows them by default (up to --max-redirs); accepted for curl's sake.")
    boolean location;

    @Option(names = "--max-redirs", paramLabel = "N", defaultValue = "10",
            description = "Redirects to follow (default ${DEFAULT-VALUE}; 0 shows the redirect itself).")
    int maxRedirects;

    @Option(names = {"-f", "--fail"},
            description = "Fail on a 4xx or 5xx answer without printing it. weft always does; accepted for curl's sake.")
    boolean fail;

    @Option(names = {"-C", "--continue-at"}, paramLabel = "-",
            description = "With -o/-O: resume a partial file (only '-', from its current size, as curl's -C -).")
    String continueAt;

    @Option(names = "--compressed", description = "Ask for a compressed body and decode it (weft always does).")
    boolean compressed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the body to FILE ('-' is standard output). A symlink is written through, a device or "
                    + "FIFO in place; a regular file is replaced only when the body is complete.")
    Path output;

    @Option(names = {"-O", "--remote-name"}, description = "Save under the URL's file name, in the current folder.")
    boolean remoteName;

    @Option(names = {"-J", "--remote-header-name"},
            description = "With -O: take the name from the Content-Disposition header when there is one.")
    boolean remoteHeaderName;

    @Option(names = {"-s", "--silent"}, description = "No progress or 'saved' line.")
    boolean silent;

    @Option(names = {"--connect-timeout", "--timeout"}, paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = {"-m", "--max-time"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for the whole transfer (default: none).")
    Duration maxTime;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Fail when the server sends nothing for this long (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Mixin
    TrustOptions trust;
}
