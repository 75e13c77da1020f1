package dev.weft.engine;

/**
 * A UDP service: called once per datagram received. Under the event loop it runs on the selector
 * thread and must not block; under the other models each call has a thread of its own.
 */
@FunctionalInterface
public interface DatagramHandler {

    void received(Datagram datagram, DatagramSender sender);
}
