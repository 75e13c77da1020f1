package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.weft.client.ClientTrust;
import dev.weft.services.line.LineClient;

/** The loop of the line clients (echo, time): each input line out, each reply printed, until EOF or an empty line. */
final class LineSession {

    /** Opens one connection to the server: UDP, TLS or plain TCP. */
    @FunctionalInterface
    interface Dialer {
        LineClient dial() throws IOException;
    }

    private LineSession() {
    }

    /** Dials over UDP when {@code udp}, else TCP, with TLS when {@code tls} (the trust to use) is not null. */
    static Dialer dialer(boolean udp, ClientTrust tls, String host, int port, LineClient.Family family, Charset wire,
            Duration timeout) {
        if (udp) {
            return () -> LineClient.udp(host, port, family, wire, timeout);
        }
        if (tls != null) {
            return () -> LineClient.tls(host, port, family, wire, timeout, tls);
        }
        return () -> LineClient.tcp(host, port, family, wire, timeout);
    }

    /** Connects once and runs the loop over standard input. */
    static int fromStdin(Dialer dialer, PrintWriter out) throws IOException {
        try (LineClient client = dialer.dial();
             BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            return run(client, stdin, out);
        }
    }

    /** Seed 003's SocketServer client: a new connection for each line, closed once the reply is read. */
    static int connectionPerLine(Dialer dialer, PrintWriter out) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = stdin.readLine(); line != null && !line.isEmpty(); line = stdin.readLine()) {
            try (LineClient client = dialer.dial()) {
                out.println(reply(client, line, " without a reply"));
                out.flush();
            }
        }
        return ExitCode.OK.code();
    }

    static int run(LineClient client, BufferedReader input, PrintWriter out) throws IOException {
        for (String line = input.readLine(); line != null && !line.isEmpty(); line = input.readLine()) {
            out.println(reply(client, line, ""));
            out.flush();
        }
        return ExitCode.OK.code();
    }

    private static String reply(LineClient client, String line, String how) throws IOException {
        String reply = client.exchange(line);
        if (reply == null) {
            throw new CommandFailure("server " + client.server().getHostString() + " port " + client.server().getPort()
                    + " closed the connection" + how);
        }
        return reply;
    }
}
