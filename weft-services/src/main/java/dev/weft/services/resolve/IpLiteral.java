package dev.weft.services.resolve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * IP address text and its packed bytes (inet_pton and inet_ntop), without ever asking DNS: text that is
 * not an address literal is refused rather than looked up as a name.
 */
public final class IpLiteral {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Only hex digits, colons and an embedded IPv4 tail; the JDK then parses it without a lookup. */
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");

    private IpLiteral() {
    }

    /**
     * inet_pton: the address {@code text} spells.
     *
     * @throws IllegalArgumentException naming the text when it is not an IPv4 or IPv6 literal
     */
    public static InetAddress parse(String text) {
        String trimmed = text.strip();
        if (IPV4.matcher(trimmed).matches() || IPV6.matcher(trimmed).matches()) {
            try {
                return InetAddress.getByName(trimmed);
            } catch (UnknownHostException e) {
                // the JDK's own check of the literal failed: fall through to the same message
            }
        }
        throw new IllegalArgumentException("not an IP address: '" + text + "'");
    }

    /** The packed bytes in hex, {@code 7f000001} for 127.0.0.1. */
    public static String packedHex(InetAddress address) {
        return HexFormat.of().formatHex(address.getAddress());
    }

    /** inet_ntop: IPv4 dotted, IPv6 in the short form with {@code ::} ({@code ::1}, not 0:0:0:0:0:0:0:1). */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        Inet6Address v6 = (Inet6Address) address;
        if (v6.getScopedInterface() != null) {
            text.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            text.append('%').append(v6.getScopeId());
        }
        return text.toString();
    }
}
