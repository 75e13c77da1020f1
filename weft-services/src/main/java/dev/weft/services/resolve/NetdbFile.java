package dev.weft.services.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The netdb files' shared format (/etc/services, /etc/protocols): how libc reads them, once for every table. */
final class NetdbFile {

    private static final Logger log = LoggerFactory.getLogger(NetdbFile.class);

    private NetdbFile() {
    }

    /** The system file's text when it can be read, else {@code builtIn}. */
    static String systemOr(Path file, String builtIn) {
        if (Files.isReadable(file)) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                log.debug("cannot read {}, using the built-in table: {}", file, e.toString());
            }
        }
        return builtIn;
    }

    /** Each line with its comment cut that {@code parseLine} reads; blank and malformed lines are skipped, as libc does. */
    static <E> List<E> entries(String text, Function<String, Optional<E>> parseLine, String kind) {
        List<E> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (!line.isEmpty()) {
                parseLine.apply(line).ifPresentOrElse(entries::add, () -> log.debug("skipping malformed {} line: {}", kind, raw));
            }
        }
        return entries;
    }
}
