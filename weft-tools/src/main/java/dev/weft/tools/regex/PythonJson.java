package dev.weft.tools.regex;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON exactly as Python's {@code json.dumps(value)} writes it with its defaults: separators ", " and ": ",
 * everything outside printable ASCII escaped as lowercase {@code \\uXXXX} (surrogate pairs for the rest), the short
 * escapes {@code \\n \\r \\t \\b \\f}. Jackson writes; this class only sets its spacing and escapes.
 */
public final class PythonJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PythonEscapes ESCAPES = new PythonEscapes();

    private PythonJson() {
    }

    /** The value as one line of JSON: String, Number, null, List, Map, {@link PythonRepr.Tuple}, {@link PyMatch}. */
    public static String dumps(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            generator.setPrettyPrinter(new PythonSpacing());
            generator.setCharacterEscapes(ESCAPES);
            MAPPER.writeValue(generator, plain(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object plain(Object value) {
        return switch (value) {
            case PyMatch m -> m.toJson();
            case PythonRepr.Tuple t -> t.items().stream().map(PythonJson::plain).toList();
            case java.util.List<?> l -> l.stream().map(PythonJson::plain).collect(java.util.stream.Collectors
                    .toCollection(java.util.ArrayList::new));
            case null, default -> value;
        };
    }

    /** ", " between items, ": " after keys, nothing else. */
    private static final class PythonSpacing extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    /** Python's ensure_ascii escapes. */
    private static final class PythonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 32; c++) {
                ascii[c] = ESCAPE_CUSTOM;
            }
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return new SerializedString(switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> String.format("\\u%04x", c);
            });
        }
    }
}
