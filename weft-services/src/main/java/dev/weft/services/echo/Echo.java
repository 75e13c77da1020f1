package dev.weft.services.echo;

import java.nio.ByteBuffer;

import dev.weft.engine.DatagramHandler;
import dev.weft.engine.Protocol;
import dev.weft.engine.ProtocolFactory;
import dev.weft.engine.Transport;

/** The echo service of RFC 862: TCP sends every byte back until the client closes; UDP returns each datagram. */
public final class Echo {

    private Echo() {
    }

    /** TCP echo, written against the event-driven API so it runs natively on the event loop. */
    public static ProtocolFactory tcp() {
        return () -> new Protocol() {
            private Transport transport;

            @Override
            public void connectionMade(Transport transport) {
                this.transport = transport;
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                transport.write(data);
            }
        };
    }

    /** UDP echo: one reply datagram per request, to the sender. */
    public static DatagramHandler udp() {
        return (datagram, sender) -> sender.send(datagram.data(), datagram.sender());
    }
}
