package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

import dev.weft.services.line.LineClient;

/** The loop of the line clients (echo, time): each input line out, each reply printed, until EOF or an empty line. */
final class LineSession {

    private LineSession() {
    }

    static int run(LineClient client, BufferedReader input, PrintWriter out) throws IOException {
        for (String line = input.readLine(); line != null && !line.isEmpty(); line = input.readLine()) {
            String reply = client.exchange(line);
            if (reply == null) {
                throw new CommandFailure("server " + client.server().getHostString() + " port " + client.server().getPort() + " closed the connection");
            }
            out.println(reply);
            out.flush();
        }
        return ExitCode.OK.code();
    }
}
