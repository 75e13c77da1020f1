package dev.weft.tools.regex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code weft regex} run over its inputs: a text taken whole (printed as Python prints the result, or as
 * {@code json.dumps} does), or files and standard input line by line like grep. Matches found on any input decide
 * the exit status, as grep's do.
 */
public final class RegexRun {

    private static final String MATCH_COLOR = "\u001b[01;31m\u001b[K";
    private static final String NAME_COLOR = "\u001b[35m\u001b[K";
    private static final String NUMBER_COLOR = "\u001b[32m\u001b[K";
    private static final String SEPARATOR = "\u001b[36m\u001b[K:\u001b[m\u001b[K";
    private static final String RESET = "\u001b[m\u001b[K";

    private final RegexRequest request;
    private final Writer out;
    private final PrintWriter notes;
    private final PyPattern.Scan scan;
    private GuardedText view;
    private boolean matched;
    private long substitutions;

    /** {@code out} gets the results (buffer it: grep mode writes a line at a time); {@code notes} the remarks. */
    public RegexRun(RegexRequest request, Writer out, PrintWriter notes) {
        this.request = request;
        this.out = out;
        this.notes = notes;
        this.scan = request.pattern().scan("");
    }

    /** Whether anything matched (for search, match and fullmatch: a line or text did; for the others: always). */
    public boolean matched() {
        return matched;
    }

    /** Replacements made by sub or subn, over all inputs. */
    public long substitutions() {
        return substitutions;
    }

    /** The result for one whole string ({@code --text}, {@code --whole}, {@code --json}). */
    public void text(String text, String where) throws IOException {
        GuardedText guarded = GuardedText.of(text, request.timeout());
        Object result = guarded(where, () -> request.function().apply(request.pattern(), request.replacement(),
                guarded, request.max()));
        matched |= switch (result) {
            case null -> false;
            case List<?> list when request.function() == RegexFunction.FINDALL
                    || request.function() == RegexFunction.FINDITER -> !list.isEmpty();
            default -> true;
        };
        if (result instanceof PythonRepr.Tuple t && request.function() == RegexFunction.SUBN) {
            substitutions += (Integer) t.items().get(1);
        }
        if (request.json()) {
            out.write(PythonJson.dumps(result));
            out.write('\n');
        } else if (request.function() == RegexFunction.FINDITER) {
            for (Object m : (List<?>) result) {
                out.write(PythonRepr.repr(m));
                out.write('\n');
            }
        } else {
            out.write(PythonRepr.print(result));
            out.write('\n');
        }
    }

    /**
     * One file or standard input: skipped with a note when binary, else whole ({@code --whole}, {@code --json}) or
     * line by line; {@code label} prefixes output lines with the name (several inputs, as grep does).
     */
    public void input(String name, InputStream in, boolean label) throws IOException {
        byte[] head = in.readNBytes(64 * 1024);
        if (LineReader.looksBinary(head, head.length)) {
            notes.println("weft regex: " + name + ": binary file skipped");
            return;
        }
        if (request.whole() || request.json()) {
            whole(name, head, in);
            return;
        }
        LineReader reader = new LineReader(in);
        view = GuardedText.view(request.timeout());
        String prefix = label ? name : null;
        long[] lines = {0};
        reader.lines(head, head.length, (buffer, start, end, number) -> {
            view.point(buffer, start, end);
            if (guarded(name + " line " + number, () -> line(buffer, start, end, number, prefix))) {
                lines[0]++;
            }
        });
        if (reader.invalidBytes() > 0) {
            notes.println("weft regex: " + name + ": " + reader.invalidBytes() + " bytes of invalid UTF-8 read as "
                    + "U+FFFD (the first at byte " + reader.firstInvalidAt() + ")");
        }
        if (request.count()) {
            if (prefix != null) {
                write(NAME_COLOR, prefix, true);
            }
            out.write(Long.toString(lines[0]));
            out.write('\n');
        }
    }

    private void whole(String name, byte[] head, InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head);
        byte[] block = new byte[64 * 1024];
        for (int n; (n = in.read(block)) > 0; ) {
            if (all.size() + n > RegexRequest.WHOLE_LIMIT) {
                throw new java.io.IOException(name + " is larger than " + RegexRequest.WHOLE_LIMIT / (1024 * 1024)
                        + " MiB, the most --whole and --json read into memory: drop --whole (and --json) to read it "
                        + "line by line, or split it");
            }
            all.write(block, 0, n);
        }
        byte[] bytes = all.toByteArray();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            notes.println("weft regex: " + name + ": invalid UTF-8 read as U+FFFD");
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        text(text, name);
    }

    /** One line in grep mode; true when it counts as a matching line. */
    private boolean line(char[] buffer, int start, int end, long number, String label) {
        try {
            return switch (request.function()) {
                case SEARCH, MATCH, FULLMATCH -> select(buffer, start, end, number, label);
                case FINDALL, FINDITER -> each(number, label);
                case SUB, SUBN -> substitute(number, label);
                case SPLIT -> {
                    lineStart(label, number);
                    out.write(PythonRepr.repr(request.pattern().split(view, request.max())));
                    out.write('\n');
                    yield true;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean select(char[] buffer, int start, int end, long number, String label) throws IOException {
        PyMatch first = scan.reset(view).first(request.function());
        if (first == null) {
            return false;
        }
        matched = true;
        if (request.count()) {
            return true;
        }
        if (request.only()) {
            if (request.function() == RegexFunction.SEARCH) {
                scan.reset(view);
                for (PyMatch m = scan.next(); m != null; m = scan.next()) {
                    only(m, label, number);
                }
            } else {
                only(first, label, number);
            }
            return true;
        }
        lineStart(label, number);
        if (!request.color()) {
            out.write(buffer, start, end - start);
        } else {
            int done = 0;
            PyPattern.Scan colour = request.function() == RegexFunction.SEARCH ? scan.reset(view) : null;
            for (PyMatch m = colour == null ? first : colour.next(); m != null; m = colour == null ? null : colour.next()) {
                if (m.end(0) > m.start(0)) {
                    out.write(buffer, start + done, m.start(0) - done);
                    write(MATCH_COLOR, m.group(0), false);
                    done = m.end(0);
                }
            }
            out.write(buffer, start + done, end - start - done);
        }
        out.write('\n');
        return true;
    }

    private void only(PyMatch m, String label, long number) throws IOException {
        if (m.end(0) > m.start(0)) {
            lineStart(label, number);
            write(MATCH_COLOR, m.group(0), false);
            out.write('\n');
        }
    }

    private boolean each(long number, String label) throws IOException {
        scan.reset(view);
        boolean any = false;
        boolean findall = request.function() == RegexFunction.FINDALL;
        for (PyMatch m = scan.next(); m != null; m = scan.next()) {
            any = true;
            if (request.count()) {
                break;
            }
            lineStart(label, number);
            if (findall) {
                Object item = findallItem(m);
                write(MATCH_COLOR, item instanceof String s ? s : PythonRepr.repr(item), false);
            } else {
                out.write(m.repr());
            }
            out.write('\n');
        }
        matched |= any;
        return any;
    }

    private Object findallItem(PyMatch m) {
        int groups = m.groupCount();
        if (groups == 0) {
            return m.group(0);
        }
        if (groups == 1) {
            String g = m.group(1);
            return g == null ? "" : g;
        }
        List<String> items = new java.util.ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            items.add(m.group(g) == null ? "" : m.group(g));
        }
        return new PythonRepr.Tuple(items);
    }

    private boolean substitute(long number, String label) throws IOException {
        PyPattern.Substitution s = request.max() < 0 ? new PyPattern.Substitution(view.toString(), 0)
                : request.pattern().subn(request.replacement(), view, request.max());
        substitutions += s.count();
        matched = true;
        if (!request.count()) {
            lineStart(label, number);
            out.write(s.text());
            out.write('\n');
        }
        return s.count() > 0;
    }

    private void lineStart(String label, long number) throws IOException {
        if (label != null) {
            write(NAME_COLOR, label, true);
        }
        if (request.lineNumbers()) {
            write(NUMBER_COLOR, Long.toString(number), true);
        }
    }

    private void write(String color, String text, boolean separator) throws IOException {
        if (request.color()) {
            out.write(color);
            out.write(text);
            out.write(RESET);
            if (separator) {
                out.write(SEPARATOR);
            }
        } else {
            out.write(text);
            if (separator) {
                out.write(':');
            }
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    /** Runs one match step; a timeout or a stack overflow becomes a {@link RegexRunFailure} saying where. */
    private static <T> T guarded(String where, Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (MatchTimeout e) {
            throw new RegexRunFailure(where, e);
        } catch (StackOverflowError e) {
            throw new RegexRunFailure(where, new MatchTooDeep(e));
        }
    }
}
