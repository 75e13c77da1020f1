package dev.weft.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.weft.tools.progress.InteractiveConsole;
import dev.weft.tools.regex.ExplainTree;
import dev.weft.tools.regex.PyFlags;
import dev.weft.tools.regex.PyPattern;
import dev.weft.tools.regex.RegexFunction;
import dev.weft.tools.regex.RegexRequest;
import dev.weft.tools.regex.RegexRun;
import dev.weft.tools.regex.RegexRunFailure;
import dev.weft.tools.regex.RegexSyntaxError;
import dev.weft.tools.regex.Replacement;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft regex}: seed 003's chapter on Python's {@code re} as a tool that gives Python's answers. */
@Command(name = "regex", mixinStandardHelpOptions = true,
        description = {"Match a regular expression as Python's re does, on a text, files or standard input.",
                "  weft regex --findall '(\\w+)@(\\w+)' --text 'ann@example bob@test'",
                "  weft regex -n 'ERROR|WARN' app.log        (grep-like, line by line)",
                "  weft regex -- -x notes.txt                (a pattern that starts with '-')",
                "Exit status: 0 when something matched, 1 when nothing did (or on a failure), 2 for bad usage."})
final class RegexCommand implements Callable<Integer> {

    /** Java's matcher recurses per repetition of some groups: matching runs on a thread with this much stack. */
    static final long STACK_BYTES = 512L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATTERN", arity = "0..1", index = "0",
            description = "The pattern, in Python's syntax (Java's with --java).")
    String pattern;

    @Parameters(paramLabel = "FILE", index = "1..*", arity = "0..*",
            description = "Files to read (default: standard input).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-e", "--regexp"}, paramLabel = "PATTERN",
            description = "The pattern, given as an option (then every argument is a FILE).")
    String regexp;

    @Option(names = "--text", paramLabel = "TEXT", description = "Match this string (newlines and all), not files.")
    String text;

    @ArgGroup(exclusive = true)
    Function function = new Function();

    static final class Function {
        @Option(names = "--search", description = "re.search: the first match anywhere (the default).")
        boolean search;
        @Option(names = "--match", description = "re.match: a match at the start.")
        boolean match;
        @Option(names = "--fullmatch", description = "re.fullmatch: the whole text (line) must match.")
        boolean fullmatch;
        @Option(names = "--findall", description = "re.findall: every match (group 1, or tuples of groups).")
        boolean findall;
        @Option(names = "--finditer", description = "re.finditer: every match object.")
        boolean finditer;
        @Option(names = "--sub", paramLabel = "REPL", description = "re.sub: replace matches (\\1, \\g<name>, \\g<0>).")
        String sub;
        @Option(names = "--subn", paramLabel = "REPL", description = "re.subn: like --sub, and the count.")
        String subn;
        @Option(names = "--split", description = "re.split: the pieces between matches (and the groups).")
        boolean split;

        RegexFunction selected() {
            if (match) {
                return RegexFunction.MATCH;
            }
            if (fullmatch) {
                return RegexFunction.FULLMATCH;
            }
            if (findall) {
                return RegexFunction.FINDALL;
            }
            if (finditer) {
                return RegexFunction.FINDITER;
            }
            if (sub != null) {
                return RegexFunction.SUB;
            }
            if (subn != null) {
                return RegexFunction.SUBN;
            }
            return split ? RegexFunction.SPLIT : RegexFunction.SEARCH;
        }
    }

    @Option(names = "--max", paramLabel = "N", description = "count for --sub/--subn, maxsplit for --split.")
    Integer max;

    @Option(names = "-i", description = "re.IGNORECASE") boolean ignoreCase;
    @Option(names = "-m", description = "re.MULTILINE: ^ and $ at every line") boolean multiline;
    @Option(names = "-s", description = "re.DOTALL: . matches a newline too") boolean dotAll;
    @Option(names = "-x", description = "re.VERBOSE: spaces and # comments in the pattern") boolean verbose;
    @Option(names = "-a", description = "re.ASCII: \\w, \\d, \\s, \\b only ASCII") boolean ascii;

    @Option(names = "--java", description = "Take the pattern as java.util.regex syntax, unchanged.")
    boolean java;

    @Option(names = "--json", description = "Print json.dumps of Python's result (each input taken whole).")
    boolean json;

    @Option(names = "--whole", description = "Take each file (or standard input) as one string, up to 64 MiB.")
    boolean whole;

    @Option(names = {"-n", "--line-number"}, description = "Line mode: show line numbers.")
    boolean lineNumbers;

    @Option(names = {"-c", "--count"}, description = "Line mode: only count the matching lines.")
    boolean count;

    @Option(names = {"-o", "--only-matching"}, description = "Line mode: print only the matches.")
    boolean only;

    @Option(names = "--explain", description = "Print the pattern as a tree and stop.")
    boolean explain;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Give up a match after this long (per line; per text or file taken whole). Default: 10s.")
    Duration timeout;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Highlight matches: auto (on a terminal, unless NO_COLOR is set), always, never.")
    String color;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = new ArrayList<>(files);
        String source = pattern;
        if (regexp != null) {
            if (pattern != null) {
                inputs.add(0, Path.of(pattern));
            }
            source = regexp;
        }
        if (source == null) {
            throw usage("a PATTERN is needed: weft regex PATTERN [FILE...] (or --text TEXT)");
        }
        checkCombinations(inputs);
        int flags = (ignoreCase ? PyFlags.IGNORECASE : 0) | (multiline ? PyFlags.MULTILINE : 0)
                | (dotAll ? PyFlags.DOTALL : 0) | (verbose ? PyFlags.VERBOSE : 0) | (ascii ? PyFlags.ASCII : 0);
        RegexFunction fn = function.selected();
        PyPattern compiled;
        Replacement replacement = null;
        try {
            compiled = java ? PyPattern.compileJava(source, flags) : PyPattern.compile(source, flags);
        } catch (RegexSyntaxError e) {
            return badInput("bad pattern", e, err);
        }
        if (explain) {
            spec.commandLine().getOut().print(ExplainTree.of(compiled, flags));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
        if (fn.substitutes()) {
            try {
                replacement = Replacement.parse(fn == RegexFunction.SUB ? function.sub : function.subn, compiled);
            } catch (RegexSyntaxError e) {
                return badInput("bad replacement", e, err);
            }
        }
        for (Path file : inputs) {
            if (Files.isDirectory(file) || !Files.isReadable(file)) {
                throw new CommandFailure("regex: cannot read '" + file + "': "
                        + (Files.isDirectory(file) ? "a directory" : Files.exists(file) ? "not readable" : "no such file"));
            }
        }
        RegexRequest request = new RegexRequest(compiled, fn, replacement, max == null ? 0 : max, json, whole,
                lineNumbers, count, only, colored(), timeout);
        return onBigStack(() -> run(request, inputs, err));
    }

    private void checkCombinations(List<Path> inputs) {
        if (text != null && !inputs.isEmpty()) {
            throw usage("give --text or FILEs, not both");
        }
        if ((lineNumbers || count || only) && (json || whole || text != null)) {
            throw usage("-n, -c and -o work line by line: not with --json, --whole or --text");
        }
        RegexFunction fn = function.selected();
        if (max != null && !(fn.substitutes() || fn == RegexFunction.SPLIT)) {
            throw usage("--max is the count of --sub/--subn or the maxsplit of --split");
        }
        if (!List.of("auto", "always", "never").contains(color)) {
            throw usage("--color is auto, always or never, not '" + color + "'");
        }
    }

    private int run(RegexRequest request, List<Path> inputs, PrintWriter err) {
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        RegexRun run = new RegexRun(request, out, err);
        try {
            try {
                if (text != null) {
                    run.text(text, "the text");
                } else if (inputs.isEmpty()) {
                    run.input("(standard input)", System.in, false);
                } else {
                    for (Path file : inputs) {
                        try (InputStream in = Files.newInputStream(file)) {
                            run.input(file.toString(), in, inputs.size() > 1);
                        } catch (NoSuchFileException e) {
                            throw new CommandFailure("regex: cannot read '" + file + "': no such file", e);
                        }
                    }
                }
            } finally {
                out.flush();
                spec.commandLine().getOut().flush();
            }
        } catch (RegexRunFailure e) {
            throw new CommandFailure("regex: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("regex: " + e.getMessage(), e);
        }
        if (request.function() == RegexFunction.SUBN && text == null && !json && !whole) {
            err.println("weft regex: " + run.substitutions() + " substitutions");
        }
        return run.matched() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    /** Runs the matching on a thread with a large stack; its failure is rethrown here. */
    private static int onBigStack(Callable<Integer> task) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name("weft-regex").stackSize(STACK_BYTES).unstarted(() -> {
            try {
                outcome.set(task.call());
            } catch (Exception | StackOverflowError e) {
                outcome.set(e);
            }
        });
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new CommandFailure("regex: interrupted", e);
        }
        return switch (outcome.get()) {
            case Integer code -> code;
            case RuntimeException e -> throw e;
            case Throwable e -> throw new CommandFailure("regex: " + e, e);
            default -> throw new IllegalStateException("the regex worker ended without an outcome");
        };
    }

    private boolean colored() {
        if (color.equals("always")) {
            return true;
        }
        if (color.equals("never") || json || System.getenv("NO_COLOR") != null) {
            return false;
        }
        return InteractiveConsole.present() && !"dumb".equals(System.getenv("TERM"));
    }

    private int badInput(String what, RegexSyntaxError e, PrintWriter err) {
        err.println("weft: regex: " + what + ": " + e.getMessage());
        if (e.position() >= 0) {
            e.caret().lines().forEach(line -> err.println("  " + line));
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
