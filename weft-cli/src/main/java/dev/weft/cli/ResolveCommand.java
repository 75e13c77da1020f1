package dev.weft.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.services.resolve.AddressInfo;
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

/** {@code weft resolve}: the socket module's look-ups of seed 003 (getaddrinfo, gethostbyaddr, getservbyname). */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Network look-ups, as Python's socket module does them:",
                "  weft resolve HOST [SERVICE]   addresses to connect to (getaddrinfo)",
                "  weft resolve --reverse IP     the name of an address (gethostbyaddr)",
                "  weft resolve --service NAME   a service's port, or back (getservbyname)"})
final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what;

    static final class What {
        @ArgGroup(exclusive = false)
        HostLookup host;

        @Option(names = "--reverse", paramLabel = "IP", description = "Find the name of an IPv4 or IPv6 address.")
        String reverse;

        @Option(names = "--service", paramLabel = "NAME|PORT", description = "Find a service name's port, or a port's service name.")
        String service;
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
            throw CommandFailure.usage("resolve needs a HOST [SERVICE], --reverse IP or --service NAME|PORT");
        }
        Resolver resolver = new Resolver(ServiceTable.system());
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (what.reverse != null) {
                reverse(resolver, what.reverse, out);
            } else if (what.service != null) {
                resolver.service(what.service).forEach(e -> out.println(describe(e)));
            } else {
                addresses(resolver, what.host.host, what.host.service, out);
            }
        } catch (UnknownServiceNameException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        out.flush();
        return ExitCode.OK.code();
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
            String name = resolver.hostName(ip);
            InetAddress address = IpLiteral.parse(ip);
            out.println(IpLiteral.format(address) + " is " + name + " (packed: " + IpLiteral.packedHex(address) + ")");
        } catch (UnknownHostException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    private static String describe(ServiceTable.Entry entry) {
        String aliases = entry.aliases().isEmpty() ? "" : " (also " + String.join(", ", entry.aliases()) + ")";
        return entry.name() + " " + entry.port() + "/" + entry.protocol() + aliases;
    }
}
