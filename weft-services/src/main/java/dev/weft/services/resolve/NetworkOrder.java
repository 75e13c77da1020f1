package dev.weft.services.resolve;

import java.nio.ByteOrder;

/**
 * htons/ntohs and htonl/ntohl: a 16- or 32-bit number between this machine's byte order and the network's
 * (big-endian). On a big-endian machine they give the number back; on x86 and most ARM they swap its bytes.
 * Numbers that do not fit are refused, as Python's OverflowError does.
 */
public final class NetworkOrder {

    private static final boolean SWAP = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private NetworkOrder() {
    }

    /** htons and ntohs (the same swap both ways) for 0..65535. */
    public static int short16(long value, String function) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(function + " takes 0 to 65535, not " + value);
        }
        return SWAP ? Short.toUnsignedInt(Short.reverseBytes((short) value)) : (int) value;
    }

    /** htonl and ntohl (the same swap both ways) for 0..4294967295. */
    public static long long32(long value, String function) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(function + " takes 0 to 4294967295, not " + value);
        }
        return SWAP ? Integer.toUnsignedLong(Integer.reverseBytes((int) value)) : value;
    }

    /** A decimal number as the byte-order functions take it; other text is a usage error naming the function. */
    public static long number(String text, String function) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(function + " takes a whole number, not '" + text + "'");
        }
    }
}
