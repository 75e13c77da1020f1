package dev.weft.services.chat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat datagram holds: the message as plain text in one encoding, so the seeds' Python chat and
 * {@code nc -u} read it as it is. A weft peer with a name prefixes {@code NAME: }.
 *
 * @param charset  the wire encoding (UTF-8 or GBK)
 * @param maxBytes the largest datagram weft sends; longer messages are refused, never truncated
 */
public record WireFormat(Charset charset, int maxBytes) {

    /** Datagrams up to 8 KiB cross a LAN whole; far bigger ones fragment and are lost more easily. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024;

    /** The largest UDP payload over IPv4. */
    public static final int LARGEST_DATAGRAM = 65_507;

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,32}");
    private static final Pattern NAMED = Pattern.compile("(" + NAME.pattern() + "): (.*)", Pattern.DOTALL);

    public WireFormat {
        Objects.requireNonNull(charset, "charset");
        if (maxBytes < 1 || maxBytes > LARGEST_DATAGRAM) {
            throw new IllegalArgumentException("the message size limit must be between 1 and " + LARGEST_DATAGRAM
                    + " bytes, not " + maxBytes);
        }
    }

    public static WireFormat utf8() {
        return new WireFormat(StandardCharsets.UTF_8, DEFAULT_MAX_BYTES);
    }

    /**
     * The encoding named {@code utf-8} (or {@code utf8}) or {@code gbk}, the two the seeds' chats use.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Charset encoding(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "gbk" -> Charset.forName("GBK");
            default -> throw new IllegalArgumentException("unknown encoding '" + name + "' (expected utf-8 or gbk)");
        };
    }

    /** Whether {@code name} can go in front of a message: 1 to 32 letters, digits, '_', '-' or '.'. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The datagram for {@code text}, prefixed with {@code name + ": "} when a name is given.
     *
     * @throws UnsendableMessage when it is longer than {@link #maxBytes()} or has characters the charset lacks
     */
    public byte[] encode(String name, String text) throws UnsendableMessage {
        String message = name == null ? text : name + ": " + text;
        ByteBuffer bytes;
        try {
            bytes = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(message));
        } catch (CharacterCodingException e) {
            throw UnsendableMessage.unencodable(text, charset.name());
        }
        if (bytes.remaining() > maxBytes) {
            throw UnsendableMessage.tooLong(bytes.remaining(), maxBytes, charset.name());
        }
        byte[] datagram = new byte[bytes.remaining()];
        bytes.get(datagram);
        return datagram;
    }

    /**
     * Reads a datagram: bytes the charset cannot decode become U+FFFD, one trailing line end (what
     * {@code nc -u} sends) is dropped, and a leading {@code NAME: } is taken as the sender's name.
     */
    public Incoming decode(byte[] datagram) {
        String text = new String(datagram, charset);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        Matcher named = NAMED.matcher(text);
        return named.matches() ? new Incoming(named.group(1), named.group(2)) : new Incoming(null, text);
    }

    /**
     * A decoded datagram.
     *
     * @param name the name the sender claims, or null when the text has no {@code NAME: } prefix
     * @param text the message
     */
    public record Incoming(String name, String text) {
    }
}
