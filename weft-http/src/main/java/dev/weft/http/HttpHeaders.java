package dev.weft.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Header fields in the order they came or were added, looked up case-insensitively (RFC 9110 §5.1).
 * Kept as two parallel arrays scanned linearly: a request has few fields, and this avoids a map and
 * lower-casing on the hot path. Not thread-safe; one exchange owns it.
 */
public final class HttpHeaders {

    private String[] names;
    private String[] values;
    private int size;

    public HttpHeaders() {
        this(8);
    }

    private HttpHeaders(int capacity) {
        names = new String[capacity];
        values = new String[capacity];
    }

    /** Headers from alternating names and values: {@code HttpHeaders.of("Content-Type", "text/plain")}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up: " + Arrays.toString(namesAndValues));
        }
        HttpHeaders headers = new HttpHeaders(Math.max(1, namesAndValues.length / 2));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** Adds a field, keeping any others of the same name. */
    public HttpHeaders add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /** Replaces every field of this name with one. */
    public HttpHeaders set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /** Removes every field of this name; returns whether there was one. */
    public boolean remove(String name) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        boolean removed = kept != size;
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
        return removed;
    }

    /** The first value of this field, or null. */
    public String get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    public Optional<String> first(String name) {
        return Optional.ofNullable(get(name));
    }

    /** Every value of this field in order (each field line as sent; comma lists are not split). */
    public List<String> all(String name) {
        List<String> found = new ArrayList<>(1);
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                found.add(values[i]);
            }
        }
        return found;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Whether a comma-separated field (Connection, Accept-Encoding ...) lists {@code token},
     * ignoring case and parameters: {@code hasToken("Connection", "close")}.
     */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name) && listsToken(values[i], token)) {
                return true;
            }
        }
        return false;
    }

    static boolean listsToken(String list, String token) {
        int start = 0;
        int length = list.length();
        while (start < length) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int semicolon = list.indexOf(';', start);
            int itemEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            String item = list.substring(start, itemEnd).trim();
            if (item.equalsIgnoreCase(token)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    public int size() {
        return size;
    }

    public String name(int index) {
        return names[java.util.Objects.checkIndex(index, size)];
    }

    public String value(int index) {
        return values[java.util.Objects.checkIndex(index, size)];
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        forEach((n, v) -> text.append(n).append(": ").append(v).append('\n'));
        return text.toString();
    }
}
