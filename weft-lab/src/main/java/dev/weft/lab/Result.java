package dev.weft.lab;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What one run of an experiment measured: the seed lesson it runs (seed file and section), the setup it ran, its
 * figures in order, and a two-line explanation.
 * The table for people and the JSON for scripts are both printed from this one record.
 */
public record Result(String experiment, String lesson, String setup, List<Figure> figures, List<String> explanation) {

    public Result {
        figures = List.copyOf(figures);
        explanation = List.copyOf(explanation);
        long distinct = figures.stream().map(Figure::key).distinct().count();
        if (distinct != figures.size()) {
            throw new IllegalArgumentException(experiment + ": two figures share a key");
        }
    }

    /** The figure with this key. */
    public Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(experiment + " has no figure " + key));
    }

    /** The integral value of a figure, for code and tests. */
    public long number(String key) {
        return ((Number) figure(key).value()).longValue();
    }

    public double decimal(String key) {
        return ((Number) figure(key).value()).doubleValue();
    }

    public boolean flag(String key) {
        return (Boolean) figure(key).value();
    }

    public String text(String key) {
        return String.valueOf(figure(key).value());
    }

    /** The table people read: the setup, one figure a line, then the explanation. */
    public String table() {
        int width = figures.stream().mapToInt(f -> f.label().length()).max().orElse(0);
        StringBuilder out = new StringBuilder(experiment).append(": ").append(setup).append('\n');
        out.append("  seed lesson: ").append(lesson).append("\n");
        for (Figure f : figures) {
            out.append("  ").append(f.label()).append(" ".repeat(width - f.label().length() + 2))
                    .append(f.display()).append('\n');
        }
        out.append('\n');
        explanation.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
