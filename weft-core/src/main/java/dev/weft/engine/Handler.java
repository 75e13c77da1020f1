package dev.weft.engine;

/**
 * What a TCP service gives the engine: either a blocking {@link StreamHandler} (Python's
 * StreamRequestHandler) or an event-driven {@link ProtocolFactory} (Twisted's Protocol/Factory).
 * Both run under every {@link Model}; see docs/ARCHITECTURE.md for how each model drives each style.
 */
public sealed interface Handler permits StreamHandler, ProtocolFactory {
}
