package dev.weft.services.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * IP protocol names and their numbers, as getprotobyname() sees them. Java has no API for this, so the
 * table is read from /etc/protocols ({@code name number [aliases...] [# comment]}); where that file is
 * missing a small built-in table of the common protocols, in the same format, stands in.
 */
public final class ProtocolTable {

    private static final Path SYSTEM_FILE = Path.of("/etc/protocols");
    private static final String WELL_KNOWN = """
            ip          0       IP
            icmp        1       ICMP
            igmp        2       IGMP
            ipencap     4       IP-ENCAP
            tcp         6       TCP
            udp         17      UDP
            ipv6        41      IPv6
            ipv6-route  43      IPv6-Route
            ipv6-frag   44      IPv6-Frag
            gre         47      GRE
            esp         50      IPSEC-ESP
            ah          51      IPSEC-AH
            ipv6-icmp   58      IPv6-ICMP
            ipv6-nonxt  59      IPv6-NoNxt
            ipv6-opts   60      IPv6-Opts
            sctp        132     SCTP
            udplite     136     UDPLite
            raw         255     Raw
            """;

    /** One line of the table: {@code tcp 6 TCP}. */
    public record Entry(String name, int number, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }

        /** libc compares protocol names exactly, so {@code TCP} is found through its alias, {@code Tcp} not at all. */
        boolean answersTo(String wanted) {
            return name.equals(wanted) || aliases.contains(wanted);
        }
    }

    private final List<Entry> entries;

    private ProtocolTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The system's table: /etc/protocols when it can be read, else the built-in common protocols. */
    public static ProtocolTable system() {
        return parse(NetdbFile.systemOr(SYSTEM_FILE, WELL_KNOWN));
    }

    /** The built-in table of common protocols. */
    public static ProtocolTable wellKnown() {
        return parse(WELL_KNOWN);
    }

    /** Parses text in the /etc/protocols format; lines that are not {@code name number ...} are skipped, as libc does. */
    public static ProtocolTable parse(String text) {
        return new ProtocolTable(NetdbFile.entries(text, ProtocolTable::parseLine, "protocols"));
    }

    private static Optional<Entry> parseLine(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length < 2 || !fields[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(fields[1]);
        if (number > 255) {
            return Optional.empty();
        }
        return Optional.of(new Entry(fields[0], number, List.of(fields).subList(2, fields.length)));
    }

    /** getprotobyname(name): the first entry whose name or alias is {@code name}. */
    public Optional<Entry> byName(String name) {
        return entries.stream().filter(e -> e.answersTo(name)).findFirst();
    }

    /** getprotobynumber (libc; Python has no wrapper): the first entry with that number. */
    public Optional<Entry> byNumber(int number) {
        return entries.stream().filter(e -> e.number() == number).findFirst();
    }

    public int size() {
        return entries.size();
    }
}
