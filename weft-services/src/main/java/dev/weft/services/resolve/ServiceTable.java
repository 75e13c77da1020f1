package dev.weft.services.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Service names and their ports, as getservbyname() and getservbyport() see them. Java has no API for
 * this, so the table is read from /etc/services ({@code name port/protocol [aliases...] [# comment]});
 * where that file is missing a small built-in table of well-known ports, in the same format, stands in.
 */
public final class ServiceTable {

    private static final Path SYSTEM_FILE = Path.of("/etc/services");
    private static final String WELL_KNOWN = """
            echo        7/tcp
            echo        7/udp
            discard     9/tcp       sink null
            discard     9/udp       sink null
            daytime     13/tcp
            daytime     13/udp
            ftp-data    20/tcp
            ftp         21/tcp
            ssh         22/tcp
            telnet      23/tcp
            smtp        25/tcp      mail
            domain      53/tcp
            domain      53/udp
            http        80/tcp      www
            pop3        110/tcp     pop-3
            nntp        119/tcp     readnews untp
            ntp         123/udp
            imap2       143/tcp     imap
            snmp        161/udp
            https       443/tcp
            https       443/udp
            imaps       993/tcp
            pop3s       995/tcp
            """;

    /** One line of the table: {@code http 80/tcp www}. */
    public record Entry(String name, int port, String protocol, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }

        boolean answersTo(String wanted) {
            return name.equalsIgnoreCase(wanted) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(wanted));
        }
    }

    private final List<Entry> entries;

    private ServiceTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The system's table: /etc/services when it can be read, else the built-in well-known ports. */
    public static ServiceTable system() {
        return parse(NetdbFile.systemOr(SYSTEM_FILE, WELL_KNOWN));
    }

    /** The built-in table of well-known ports. */
    public static ServiceTable wellKnown() {
        return parse(WELL_KNOWN);
    }

    /** Parses text in the /etc/services format; lines that are not {@code name port/protocol ...} are skipped, as libc does. */
    public static ServiceTable parse(String text) {
        return new ServiceTable(NetdbFile.entries(text, ServiceTable::parseLine, "services"));
    }

    private static Optional<Entry> parseLine(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length < 2) {
            return Optional.empty();
        }
        int slash = fields[1].indexOf('/');
        if (slash < 1 || slash == fields[1].length() - 1) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(fields[1].substring(0, slash));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 0 || port > 65_535) {
            return Optional.empty();
        }
        String protocol = fields[1].substring(slash + 1).toLowerCase(Locale.ROOT);
        return Optional.of(new Entry(fields[0], port, protocol, List.of(fields).subList(2, fields.length)));
    }

    /** getservbyname(name, protocol): the port of a service name or alias, if the table has it for that protocol. */
    public Optional<Integer> port(String name, String protocol) {
        return entries.stream().filter(e -> e.protocol().equalsIgnoreCase(protocol) && e.answersTo(name))
                .map(Entry::port).findFirst();
    }

    /** Every entry a name or alias has, one per protocol, in table order. */
    public List<Entry> byName(String name) {
        return entries.stream().filter(e -> e.answersTo(name)).toList();
    }

    /** getservbyport for every protocol: the entries for a port, in table order. */
    public List<Entry> byPort(int port) {
        return entries.stream().filter(e -> e.port() == port).toList();
    }

    public int size() {
        return entries.size();
    }
}
