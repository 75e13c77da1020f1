package dev.weft.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.services.resolve.AddressInfo;
import dev.weft.services.resolve.HostEntry;
import dev.weft.services.resolve.NetworkOrder;
import dev.weft.services.resolve.ProtocolTable;
import dev.weft.services.resolve.IpLiteral;
import dev.weft.services.resolve.Resolver;
import dev.weft.services.resolve.ServiceTable;
import dev.weft.services.resolve.UnknownServiceNameException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft resolve}: the socket module's look-ups of seed 003, one option per Python function, so a reader
 * of the seed can check each answer against {@code python3 -c 'import socket; ...'}.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Network look-ups and address conversions, as Python's socket module does them.",
                "  weft resolve HOST [SERVICE]   addresses to connect to (getaddrinfo)",
                "  weft resolve --reverse IP     the name of an address (gethostbyaddr)",
                "  weft resolve --service NAME   a service's port, or back (getservbyname)",
                "Give one look-up at a time."})
final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what;

    static final class What {
        @ArgGroup(exclusive = false)
        HostLookup host;

        @Option(names = "--reverse", paramLabel = "IP", description = "Find the name and aliases of an IPv4 or IPv6 address (gethostbyaddr).")
        String reverse;

        @Option(names = "--service", paramLabel = "NAME|PORT",
                description = "Find a service name's port, or a port's service name (getservbyname, getservbyport).")
        String service;

        @Option(names = "--hostname", description = "Print this machine's host name (gethostname).")
        boolean hostname;

        @Option(names = "--fqdn", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
                description = "Print the fully qualified name of NAME, or of this machine without one (getfqdn).")
        String fqdn;

        @Option(names = "--aliases", paramLabel = "HOST",
                description = "Print a host's official name, aliases and IPv4 addresses (gethostbyname_ex).")
        String aliases;

        @Option(names = "--protocol", paramLabel = "NAME|NUMBER",
                description = "Find an IP protocol's number (getprotobyname), or a number's protocol name.")
        String protocol;

        @Option(names = "--pton", paramLabel = "IP",
                description = "Print the packed bytes of an IPv4 or IPv6 address, in hex (inet_pton).")
        String pton;

        @Option(names = "--ntop", paramLabel = "HEX",
                description = "Print the address that 4 or 16 packed bytes, given in hex, spell (inet_ntop).")
        String ntop;

        @Option(names = "--aton", paramLabel = "IPV4",
                description = "Print the packed bytes of an IPv4 address in any classic form (127.1, 0x7f.1), in hex (inet_aton).")
        String aton;

        @Option(names = "--ntoa", paramLabel = "HEX",
                description = "Print the dotted IPv4 address of 4 packed bytes given in hex (inet_ntoa).")
        String ntoa;

        @Option(names = "--htons", paramLabel = "N", description = "Convert a 16-bit number to network byte order (htons).")
        String htons;

        @Option(names = "--ntohs", paramLabel = "N", description = "Convert a 16-bit number from network byte order (ntohs).")
        String ntohs;

        @Option(names = "--htonl", paramLabel = "N", description = "Convert a 32-bit number to network byte order (htonl).")
        String htonl;

        @Option(names = "--ntohl", paramLabel = "N", description = "Convert a 32-bit number from network byte order (ntohl).")
        String ntohl;
    }

    static final class HostLookup {
        @Parameters(index = "0", paramLabel = "HOST", description = "Host name or address literal.")
        String host;

        @Parameters(index = "1", paramLabel = "SERVICE", arity = "0..1", description = "Service name (https) or port number.")
        String service;
    }

    @Override
    public Integer call() {
        if (what == null) {
            throw CommandFailure.usage("resolve needs a HOST [SERVICE], --reverse IP or --service NAME|PORT"
                    + " (see --help for the other look-ups)");
        }
        Resolver resolver = Resolver.system();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (conversion(out)) {
                // printed
            } else if (what.hostname) {
                out.println(resolver.localHostName());
            } else if (what.fqdn != null) {
                out.println(resolver.fullyQualifiedName(what.fqdn));
            } else if (what.aliases != null) {
                hostEntry(resolver, what.aliases, out);
            } else if (what.protocol != null) {
                ProtocolTable.Entry entry = resolver.protocol(what.protocol).orElseThrow(() -> new CommandFailure(
                        "unknown protocol '" + what.protocol + "' (not in the protocols table)"));
                out.println(entry.name() + " " + entry.number()
                        + (entry.aliases().isEmpty() ? "" : " (also " + String.join(", ", entry.aliases()) + ")"));
            } else if (what.reverse != null) {
                reverse(resolver, what.reverse, out);
            } else if (what.service != null) {
                resolver.service(what.service).forEach(e -> out.println(describe(e)));
            } else {
                addresses(resolver, what.host.host, what.host.service, out);
            }
        } catch (UnknownServiceNameException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new CommandFailure("cannot find this machine's host name: " + e.getMessage(), e);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** The pure conversions (inet_* and byte order); false when the option given is a look-up instead. */
    private boolean conversion(PrintWriter out) {
        if (what.pton != null) {
            out.println(HexFormat.of().formatHex(IpLiteral.pton(what.pton)));
        } else if (what.aton != null) {
            out.println(HexFormat.of().formatHex(IpLiteral.aton(what.aton)));
        } else if (what.ntop != null) {
            out.println(IpLiteral.fromPackedHex(what.ntop, false));
        } else if (what.ntoa != null) {
            out.println(IpLiteral.fromPackedHex(what.ntoa, true));
        } else if (what.htons != null) {
            out.println(NetworkOrder.short16(NetworkOrder.number(what.htons, "htons"), "htons"));
        } else if (what.ntohs != null) {
            out.println(NetworkOrder.short16(NetworkOrder.number(what.ntohs, "ntohs"), "ntohs"));
        } else if (what.htonl != null) {
            out.println(NetworkOrder.long32(NetworkOrder.number(what.htonl, "htonl"), "htonl"));
        } else if (what.ntohl != null) {
            out.println(NetworkOrder.long32(NetworkOrder.number(what.ntohl, "ntohl"), "ntohl"));
        } else {
            return false;
        }
        return true;
    }

    /** gethostbyname_ex's triple, one part a line: {@code name localhost}, {@code aliases -}, {@code addresses 127.0.0.1}. */
    private static void hostEntry(Resolver resolver, String host, PrintWriter out) {
        HostEntry entry;
        try {
            entry = resolver.hostByName(host);
        } catch (UnknownHostException e) {
            throw new CommandFailure("cannot resolve host '" + host + "'", e);
        }
        out.println("name      " + entry.name());
        out.println("aliases   " + (entry.aliases().isEmpty() ? "-" : String.join(" ", entry.aliases())));
        out.println("addresses " + String.join(" ", entry.addresses()));
    }

    private static void addresses(Resolver resolver, String host, String service, PrintWriter out) throws UnknownServiceNameException {
        List<AddressInfo> infos;
        try {
            infos = resolver.addressInfo(host, service);
        } catch (UnknownHostException e) {
            throw new CommandFailure("cannot resolve host '" + host + "'", e);
        }
        for (AddressInfo info : infos) {
            String protocol = info.kind().protocol() + (info.kind().protocolName().isEmpty() ? "" : " (" + info.kind().protocolName() + ")");
            out.printf("%-9s %-12s %-9s %s port %d%n", info.family(), info.kind(), protocol, info.host(), info.port());
        }
    }

    private static void reverse(Resolver resolver, String ip, PrintWriter out) {
        try {
            HostEntry entry = resolver.hostByAddress(ip);
            InetAddress address = IpLiteral.parse(ip);
            String aliases = entry.aliases().isEmpty() ? "" : ", also " + String.join(", ", entry.aliases());
            out.println(IpLiteral.format(address) + " is " + entry.name() + aliases + " (packed: " + IpLiteral.packedHex(address) + ")");
        } catch (UnknownHostException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    private static String describe(ServiceTable.Entry entry) {
        String aliases = entry.aliases().isEmpty() ? "" : " (also " + String.join(", ", entry.aliases()) + ")";
        return entry.name() + " " + entry.port() + "/" + entry.protocol() + aliases;
    }
}
