package dev.weft.engine;

/** Makes one {@link Protocol} instance per accepted connection. */
@FunctionalInterface
public non-sealed interface ProtocolFactory extends Handler {

    Protocol create();
}
