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

    /**
     * inet_pton as Python calls it: only the strict forms (dotted quad, or IPv6 without brackets or a scope),
     * the family chosen by the text (a colon means IPv6).
     *
     * @throws IllegalArgumentException naming the text when inet_pton would refuse it
     */
    public static byte[] pton(String text) {
        if (text.contains("%") || text.contains("[") || text.contains("]") || !text.equals(text.strip())) {
            throw new IllegalArgumentException("not an IP address for inet_pton: '" + text + "'");
        }
        try {
            byte[] bytes = parse(text).getAddress();
            if (text.contains(":") && bytes.length == 4) {
                // the JDK turns ::ffff:a.b.c.d into an IPv4 address; inet_pton(AF_INET6) keeps all 16 bytes
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address for inet_pton: '" + text + "'", e);
        }
    }

    /**
     * inet_aton: the classic IPv4 forms libc still accepts, {@code a.b.c.d}, {@code a.b.c}, {@code a.b} and
     * {@code a}, each part decimal, octal (leading 0) or hex (0x), the last part filling the bytes left.
     *
     * @throws IllegalArgumentException naming the text when inet_aton would refuse it
     */
    public static byte[] aton(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            throw illegalForAton(text);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = atonPart(parts[i], text);
            long limit = i == parts.length - 1 ? (1L << (8 * (4 - i))) - 1 : 0xFF;
            if (values[i] > limit) {
                throw illegalForAton(text);
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        address |= values[parts.length - 1];
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static long atonPart(String part, String text) {
        String digits;
        int radix;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        } else {
            digits = part;
            radix = 10;
        }
        if (digits.isEmpty() && radix == 16) {
            return 0;
        }
        if (digits.isEmpty() || digits.length() > 11 || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            throw illegalForAton(text);
        }
        return Long.parseLong(digits, radix);
    }

    private static IllegalArgumentException illegalForAton(String text) {
        return new IllegalArgumentException("not an IPv4 address for inet_aton: '" + text + "'");
    }

    /**
     * inet_ntop and inet_ntoa: the text of packed bytes given in hex, 4 bytes for IPv4, 16 for IPv6.
     *
     * @param ipv4Only true for inet_ntoa, which takes only 4 bytes
     * @throws IllegalArgumentException naming the text when it is not hex of the right length
     */
    public static String fromPackedHex(String hex, boolean ipv4Only) {
        String function = ipv4Only ? "inet_ntoa" : "inet_ntop";
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function + " takes packed bytes in hex (7f000001), not '" + hex + "'");
        }
        if (bytes.length != 4 && (ipv4Only || bytes.length != 16)) {
            throw new IllegalArgumentException(function + " takes " + (ipv4Only ? "4" : "4 or 16") + " bytes, not "
                    + bytes.length + " ('" + hex + "')");
        }
        try {
            return format(bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the JDK refused " + bytes.length + " address bytes", e);
        }
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
        if (bestStart == 0 && (bestLength == 6 || bestLength == 5 && groups[5] == 0xffff)) {
            // IPv4-compatible and IPv4-mapped addresses end in dotted form, as inet_ntop writes them
            text.append(bestLength == 6 ? "::" : "::ffff:").append(b[12] & 0xff).append('.').append(b[13] & 0xff)
                    .append('.').append(b[14] & 0xff).append('.').append(b[15] & 0xff);
            return text.toString();
        }
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
