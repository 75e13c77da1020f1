package dev.weft.lab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One measured value: a stable camelCase key for JSON, a label and unit for people.
 * Values are longs, doubles, booleans, strings, or lists of those (a curve).
 */
public record Figure(String key, String label, Object value, String unit) {

    public Figure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value of " + key);
        unit = unit == null ? "" : unit;
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("figure key is not camelCase: " + key);
        }
    }

    public static Figure of(String key, String label, long value) {
        return new Figure(key, label, value, "");
    }

    public static Figure of(String key, String label, long value, String unit) {
        return new Figure(key, label, value, unit);
    }

    /** A measured quantity, rounded to two decimals: the lab reports, it does not pretend to more precision. */
    public static Figure measured(String key, String label, double value, String unit) {
        return new Figure(key, label, round(value), unit);
    }

    public static Figure of(String key, String label, boolean value) {
        return new Figure(key, label, value, "");
    }

    public static Figure of(String key, String label, String value) {
        return new Figure(key, label, value, "");
    }

    public static Figure curve(String key, String label, List<? extends Number> values, String unit) {
        List<Object> rounded = values.stream()
                .map(v -> v instanceof Double d ? (Object) round(d) : v)
                .toList();
        return new Figure(key, label, rounded, unit);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The value as people read it, with its unit. */
    public String display() {
        String text = value instanceof List<?> list
                ? list.stream().map(Figure::format).collect(Collectors.joining("  "))
                : format(value);
        return unit.isEmpty() ? text : text + " " + unit;
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(v);
    }
}
