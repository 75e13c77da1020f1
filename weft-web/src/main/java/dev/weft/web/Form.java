package dev.weft.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a posted form ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}),
 * each name with its values in order, and the file parts of a multipart form.
 */
public record Form(Map<String, List<String>> fields, Map<String, List<UploadedFile>> files) {

    public static final Form EMPTY = new Form(Map.of(), Map.of());

    public Form {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The first value of a field, or null. */
    public String field(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a field, or {@code fallback} when it is missing or blank. */
    public String field(String name, String fallback) {
        String value = field(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** The first file of a file field, or null when none was chosen. */
    public UploadedFile file(String name) {
        List<UploadedFile> chosen = files.get(name);
        return chosen == null || chosen.isEmpty() ? null : chosen.get(0);
    }
}
