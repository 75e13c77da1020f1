package dev.weft.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.weft.lab.Figure;
import dev.weft.lab.Result;

/**
 * The bar chart a lab result suggests, when it compares variants: curves of one unit over a shared axis (wall
 * time per thread count, for io-vs-cpu), else two or more single figures in the same unit (AtomicLong versus
 * LongAdder throughput). A result with nothing comparable has no chart. Read from the figures alone, so a new
 * experiment gets its chart without code here.
 *
 * @param unit       what the bars measure
 * @param categories the bars' groups along the axis (the shared axis, or just the unit for single figures)
 * @param series     one named row of values per variant, each as long as {@code categories}
 */
record Comparison(String unit, List<String> categories, Map<String, List<Double>> series) {

    static Optional<Comparison> of(Result result) {
        return curves(result).or(() -> singles(result));
    }

    private static Optional<Comparison> curves(Result result) {
        List<Figure> lists = result.figures().stream().filter(f -> f.value() instanceof List<?> l && !l.isEmpty()
                && l.stream().allMatch(Number.class::isInstance)).toList();
        if (lists.isEmpty()) {
            return Optional.empty();
        }
        Figure axis = lists.stream().filter(f -> f.unit().isEmpty()).findFirst().orElse(null);
        int length = ((List<?>) (axis != null ? axis : lists.getFirst()).value()).size();
        String unit = mostCommonUnit(lists.stream().filter(f -> f != axis && ((List<?>) f.value()).size() == length).toList());
        if (unit == null) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            categories.add(axis == null ? Integer.toString(i + 1)
                    : axis.label() + " " + Figure.of("x", "x", ((Number) ((List<?>) axis.value()).get(i)).longValue()).display());
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Figure f : lists) {
            if (f != axis && f.unit().equals(unit) && ((List<?>) f.value()).size() == length) {
                series.put(f.label(), ((List<?>) f.value()).stream().map(v -> ((Number) v).doubleValue()).toList());
            }
        }
        return Optional.of(new Comparison(unit, categories, series));
    }

    private static Optional<Comparison> singles(Result result) {
        List<Figure> numbers = result.figures().stream()
                .filter(f -> f.value() instanceof Number && !f.unit().isEmpty()).toList();
        String unit = mostCommonUnit(numbers);
        if (unit == null) {
            return Optional.empty();
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        numbers.stream().filter(f -> f.unit().equals(unit))
                .forEach(f -> series.put(f.label(), List.of(((Number) f.value()).doubleValue())));
        return Optional.of(new Comparison(unit, List.of(unit), series));
    }

    /** The non-empty unit most figures share, if at least two share it; the first such unit on a tie. */
    private static String mostCommonUnit(List<Figure> figures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        figures.stream().filter(f -> !f.unit().isEmpty()).forEach(f -> counts.merge(f.unit(), 1, Integer::sum));
        String best = null;
        int most = 1;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best;
    }
}
