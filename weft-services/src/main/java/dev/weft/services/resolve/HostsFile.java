package dev.weft.services.resolve;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts file's lines ({@code address name [aliases...]}), read only for what the JDK's resolver does not
 * give: a host's aliases, which gethostbyname_ex() and gethostbyaddr() list. Addresses and names still come
 * from the JDK, so DNS answers are unchanged; a name the file does not hold simply has no aliases.
 */
public final class HostsFile {

    private static final Logger log = LoggerFactory.getLogger(HostsFile.class);
    private static final Path SYSTEM_FILE = Path.of("/etc/hosts");

    /** One line: the address, the official name and the other names. */
    public record Line(InetAddress address, String name, List<String> aliases) {
        public Line {
            aliases = List.copyOf(aliases);
        }

        boolean names(String host) {
            return name.equalsIgnoreCase(host) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(host));
        }
    }

    private final List<Line> lines;

    private HostsFile(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** /etc/hosts, or an empty file when it cannot be read. */
    public static HostsFile system() {
        if (Files.isReadable(SYSTEM_FILE)) {
            try {
                return parse(Files.readString(SYSTEM_FILE, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                log.debug("cannot read {}, no aliases: {}", SYSTEM_FILE, e.toString());
            }
        }
        return parse("");
    }

    /** Parses text in the hosts format; lines whose first field is not an address literal are skipped, as libc does. */
    public static HostsFile parse(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            try {
                InetAddress address = IpLiteral.parse(fields[0]);
                lines.add(new Line(address, fields[1], Arrays.asList(fields).subList(2, fields.length)));
            } catch (IllegalArgumentException e) {
                log.debug("skipping malformed hosts line: {}", raw);
            }
        }
        return new HostsFile(lines);
    }

    /** The first line that names {@code host}, as the files back end of gethostbyname finds it. */
    public Optional<Line> byName(String host) {
        return lines.stream().filter(l -> l.names(host)).findFirst();
    }

    /** The first line for {@code address}, as the files back end of gethostbyaddr finds it. */
    public Optional<Line> byAddress(InetAddress address) {
        return lines.stream().filter(l -> l.address().equals(address)).findFirst();
    }
}
