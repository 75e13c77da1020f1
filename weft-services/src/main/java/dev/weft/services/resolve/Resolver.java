package dev.weft.services.resolve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The socket module's look-ups from seed 003 in one place: getaddrinfo (every address of a host with
 * each socket kind the service allows), gethostbyaddr (a name for an address) and getservbyname /
 * getservbyport (a service's port and back). Host names go through the JDK's resolver; service names
 * through a {@link ServiceTable}.
 */
public final class Resolver {

    private final ServiceTable services;

    public Resolver(ServiceTable services) {
        this.services = services;
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
        InetAddress address = IpLiteral.parse(ip);
        String name = address.getCanonicalHostName();
        if (name.equals(address.getHostAddress())) {
            throw new UnknownHostException("no name found for " + IpLiteral.format(address));
        }
        return name;
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
