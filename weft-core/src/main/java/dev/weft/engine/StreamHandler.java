package dev.weft.engine;

import java.io.IOException;

/**
 * A blocking handler: reads and writes one connection's streams until it is done.
 * The engine closes the connection when {@link #handle} returns or throws.
 */
@FunctionalInterface
public non-sealed interface StreamHandler extends Handler {

    void handle(Connection connection) throws IOException;
}
