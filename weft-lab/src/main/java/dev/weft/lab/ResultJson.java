package dev.weft.lab;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link Result} as one JSON object for scripts: {@code experiment}, {@code lesson}, {@code setup}, every figure under its
 * camelCase key, and {@code explanation}. Keys are stable; figures keep their order.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {
    }

    public static String write(Result result) {
        try {
            return MAPPER.writeValueAsString(object(result));
        } catch (JsonProcessingException e) {
            throw new LabFailure("cannot write " + result.experiment() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The result as the ordered map {@link #write} prints, for reports that hold several results. */
    public static Map<String, Object> object(Result result) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("experiment", result.experiment());
        object.put("lesson", result.lesson());
        object.put("setup", result.setup());
        result.figures().forEach(f -> object.put(f.key(), f.value()));
        object.put("explanation", String.join(" ", result.explanation()));
        return object;
    }
}
