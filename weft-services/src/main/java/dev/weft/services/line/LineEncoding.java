package dev.weft.services.line;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * Checks a line service's text encoding. {@link LineFramer} splits on the byte {@code '\n'} and services
 * write ASCII around the client's bytes, so only encodings where ASCII text is the same bytes as in ASCII
 * work (UTF-8, GBK, Latin-1 ...); UTF-16 and friends are refused with a clear message.
 */
public final class LineEncoding {

    private static final String PROBE = "[]: 0123456789 -+.:TZ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n";

    private LineEncoding() {
    }

    /**
     * The charset called {@code name}.
     *
     * @throws IllegalArgumentException naming the encoding when it is unknown or not ASCII-compatible
     */
    public static Charset forName(String name) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "' (try utf-8 or gbk)");
        }
        if (!charset.canEncode()
                || !Arrays.equals(PROBE.getBytes(charset), PROBE.getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("encoding '" + name
                    + "' does not keep ASCII as ASCII, so lines cannot be framed in it (try utf-8 or gbk)");
        }
        return charset;
    }
}
