package dev.weft.services.resolve;

import java.util.List;

/**
 * What gethostbyname_ex() and gethostbyaddr() return: the host's official name, its other names and its
 * addresses (as text, IPv6 in the short form).
 */
public record HostEntry(String name, List<String> aliases, List<String> addresses) {
    public HostEntry {
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
    }
}
