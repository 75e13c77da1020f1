package dev.weft.tools.copy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --exclude GLOB} patterns. A pattern without a slash matches a name at any depth ({@code *.tmp},
 * {@code .git}); one with a slash matches the path relative to the source ({@code build/**}). An excluded directory is
 * not entered.
 */
final class Exclusions {

    private final List<Predicate<Path>> rules;

    private Exclusions(List<Predicate<Path>> rules) {
        this.rules = rules;
    }

    static Exclusions of(List<String> globs) {
        return new Exclusions(globs.stream().map(Exclusions::rule).toList());
    }

    private static Predicate<Path> rule(String glob) {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad --exclude pattern '" + glob + "': " + e.getDescription(), e);
        }
        return glob.contains("/")
                ? matcher::matches
                : relative -> relative.getFileName() != null && matcher.matches(relative.getFileName());
    }

    /** Whether there are no patterns at all. */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the entry at {@code relative} (a path relative to the source) is left out. */
    boolean excludes(Path relative) {
        return rules.stream().anyMatch(rule -> rule.test(relative));
    }
}
