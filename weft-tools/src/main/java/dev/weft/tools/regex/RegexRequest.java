package dev.weft.tools.regex;

import java.time.Duration;

/**
 * One {@code weft regex} run as the command line asked for it: the compiled pattern, the function (with its
 * replacement and {@code max}), and how to show results.
 *
 * @param json      print what Python's {@code json.dumps} prints for the result (inputs taken whole)
 * @param whole     take each file or standard input as one string instead of line by line
 * @param lineNumbers grep's {@code -n}
 * @param count     grep's {@code -c}
 * @param only      grep's {@code -o}: only the matches
 * @param color     highlight matches (a terminal and no NO_COLOR, or {@code --color always})
 * @param timeout   the time limit of one match attempt: per line, per file with {@code --whole}, per text
 */
public record RegexRequest(PyPattern pattern, RegexFunction function, Replacement replacement, int max,
        boolean json, boolean whole, boolean lineNumbers, boolean count, boolean only, boolean color,
        Duration timeout) {

    /** The largest input {@code --whole}, {@code --json} or {@code --text} reads into memory: 64 MiB. */
    public static final long WHOLE_LIMIT = 64L * 1024 * 1024;
}
