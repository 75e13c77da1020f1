package dev.weft.services.chat;

/** A typed line weft refuses to send rather than send damaged: too long for one datagram, or not encodable. */
public final class UnsendableMessage extends Exception {

    private static final long serialVersionUID = 1L;

    private UnsendableMessage(String message) {
        super(message);
    }

    static UnsendableMessage tooLong(int bytes, int limit, String charset) {
        return new UnsendableMessage("not sent: the message is " + bytes + " bytes in " + charset
                + ", over the " + limit + "-byte datagram limit; split it into shorter lines");
    }

    static UnsendableMessage unencodable(String text, String charset) {
        return new UnsendableMessage("not sent: '" + text + "' has characters " + charset + " cannot encode");
    }
}
