package dev.weft.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON in and out through one shared Jackson mapper (records, maps, lists, beans). Reading a request body
 * that is not JSON of the asked type is the client's fault: a 400 naming the type and the parse error.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** The JSON text of {@code value}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads JSON text from {@code in} as a {@code type}.
     *
     * @throws HttpError 400 when the text is not JSON or does not fit the type
     */
    public static <T> T read(InputStream in, Class<T> type) {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new HttpError(400, "request body is empty or null, expected JSON for " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "request body is not JSON for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** The shared mapper, for conversions such as {@code convertValue}. */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
