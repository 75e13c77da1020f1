package dev.weft.services.resolve;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The socket module's look-ups from seed 003 in one place: getaddrinfo (every address of a host with
 * each socket kind the service allows), gethostbyaddr (a name for an address) and getservbyname /
 * getservbyport (a service's port and back), and the rest of the socket section: gethostname, getfqdn,
 * gethostbyname_ex and getprotobyname. Host names and addresses go through the JDK's resolver; aliases
 * through the {@link HostsFile}; service names through a {@link ServiceTable}; protocols through a
 * {@link ProtocolTable}.
 */
public final class Resolver {

    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    private final ServiceTable services;
    private final ProtocolTable protocols;
    private final HostsFile hosts;

    public Resolver(ServiceTable services) {
        this(services, ProtocolTable.system(), HostsFile.system());
    }

    public Resolver(ServiceTable services, ProtocolTable protocols, HostsFile hosts) {
        this.services = services;
        this.protocols = protocols;
        this.hosts = hosts;
    }

    /** The machine's tables: /etc/services, /etc/protocols and /etc/hosts, with built-in fallbacks. */
    public static Resolver system() {
        return new Resolver(ServiceTable.system(), ProtocolTable.system(), HostsFile.system());
    }

    /**
     * gethostname: the kernel's name for this machine (Linux's /proc, else the JDK's local host name).
     *
     * @throws UnknownHostException when neither can be read
     */
    public String localHostName() throws UnknownHostException {
        if (Files.isReadable(KERNEL_HOST_NAME)) {
            try {
                String name = Files.readString(KERNEL_HOST_NAME, StandardCharsets.US_ASCII).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException e) {
                // fall back to the JDK below
            }
        }
        return InetAddress.getLocalHost().getHostName();
    }

    /**
     * getfqdn(name): the first name with a dot among the official name and aliases that gethostbyaddr gives
     * for {@code name}'s address, else that official name; {@code name} itself when it has no address or no
     * name. An empty name (or 0.0.0.0, ::) means this machine.
     */
    public String fullyQualifiedName(String name) throws UnknownHostException {
        String host = name.strip();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = localHostName();
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return host;
        }
        Optional<HostEntry> entry = hostByAddress(address);
        if (entry.isEmpty()) {
            return host;
        }
        List<String> names = new ArrayList<>();
        names.add(entry.get().name());
        names.addAll(entry.get().aliases());
        return names.stream().filter(n -> n.contains(".")).findFirst().orElse(entry.get().name());
    }

    /**
     * gethostbyname_ex: the official name, aliases and IPv4 addresses of a host. Addresses come from the JDK's
     * resolver; the official name and aliases from the hosts file line that names the host (a name only DNS
     * knows keeps its own name and no aliases, as the JDK gives no way to ask DNS for CNAMEs).
     *
     * @throws UnknownHostException when the host has no IPv4 address
     */
    public HostEntry hostByName(String host) throws UnknownHostException {
        List<String> addresses = Arrays.stream(InetAddress.getAllByName(host)).filter(Inet4Address.class::isInstance)
                .map(IpLiteral::format).distinct().toList();
        if (addresses.isEmpty()) {
            throw new UnknownHostException("no IPv4 address for '" + host + "'");
        }
        return hosts.byName(host).map(line -> new HostEntry(line.name(), line.aliases(), addresses))
                .orElse(new HostEntry(host, List.of(), addresses));
    }

    /**
     * gethostbyaddr: the name of an address literal with the aliases the hosts file gives it.
     *
     * @throws IllegalArgumentException when {@code ip} is not an address literal
     * @throws UnknownHostException     when no name is registered for it
     */
    public HostEntry hostByAddress(String ip) throws UnknownHostException {
        InetAddress address = IpLiteral.parse(ip);
        return hostByAddress(address)
                .orElseThrow(() -> new UnknownHostException("no name found for " + IpLiteral.format(address)));
    }

    private Optional<HostEntry> hostByAddress(InetAddress address) {
        InetAddress literal;
        try {
            literal = InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the JDK refused its own address bytes", e);
        }
        String name = literal.getCanonicalHostName();
        if (name.equals(literal.getHostAddress())) {
            return Optional.empty();
        }
        List<String> aliases = hosts.byAddress(literal).filter(line -> line.name().equalsIgnoreCase(name))
                .map(HostsFile.Line::aliases).orElse(List.of());
        return Optional.of(new HostEntry(name, aliases, List.of(IpLiteral.format(literal))));
    }

    /** getprotobyname when {@code protocol} is a name, the number's entry (libc's getprotobynumber) when it is one. */
    public Optional<ProtocolTable.Entry> protocol(String protocol) {
        return protocol.matches("\\d{1,3}") ? protocols.byNumber(Integer.parseInt(protocol)) : protocols.byName(protocol);
    }

    /**
     * getaddrinfo(host, service): each address of {@code host} with each socket kind. Like libc, a service
     * name lists only the kinds its protocols are registered for; a port number or no service lists
     * stream, datagram and raw.
     *
     * @param service a service name, a port number, or null for port 0
     * @throws UnknownHostException         when the host has no address
     * @throws UnknownServiceNameException  when the service is neither a number nor in the table
     */
    public List<AddressInfo> addressInfo(String host, String service) throws UnknownHostException, UnknownServiceNameException {
        List<Port> ports = ports(service);
        InetAddress[] addresses = InetAddress.getAllByName(host);
        List<AddressInfo> infos = new ArrayList<>();
        for (InetAddress address : addresses) {
            for (Port port : ports) {
                infos.add(new AddressInfo(port.kind(), address, port.number()));
            }
        }
        return infos;
    }

    private record Port(SocketKind kind, int number) {
    }

    private List<Port> ports(String service) throws UnknownServiceNameException {
        Optional<Integer> number = service == null ? Optional.of(0) : portNumber(service);
        if (number.isPresent()) {
            return Arrays.stream(SocketKind.values()).map(kind -> new Port(kind, number.get())).toList();
        }
        List<Port> ports = new ArrayList<>();
        for (SocketKind kind : List.of(SocketKind.SOCK_STREAM, SocketKind.SOCK_DGRAM)) {
            services.port(service, kind.protocolName()).ifPresent(port -> ports.add(new Port(kind, port)));
        }
        if (ports.isEmpty()) {
            throw new UnknownServiceNameException(service);
        }
        return ports;
    }

    /** A port given as a number, empty when {@code text} is not one; out of range is an error, not a name. */
    private static Optional<Integer> portNumber(String text) {
        if (!text.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        if (port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        return Optional.of(port);
    }

    /**
     * gethostbyaddr: the name the resolver gives an address literal.
     *
     * @throws IllegalArgumentException when {@code ip} is not an address literal
     * @throws UnknownHostException     when no name is registered for it
     */
    public String hostName(String ip) throws UnknownHostException {
        return hostByAddress(ip).name();
    }

    /**
     * getservbyname for every protocol when {@code service} is a name, getservbyport when it is a number.
     *
     * @throws UnknownServiceNameException when the table has no entry for it
     */
    public List<ServiceTable.Entry> service(String service) throws UnknownServiceNameException {
        Optional<Integer> number = portNumber(service);
        List<ServiceTable.Entry> found = number.isPresent() ? services.byPort(number.get()) : services.byName(service);
        if (found.isEmpty()) {
            throw new UnknownServiceNameException(service);
        }
        return found;
    }
}
