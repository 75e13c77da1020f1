package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.weft.services.line.LineClient;

/** The loop of the line clients (echo, time): each input line out, each reply printed, until EOF or an empty line. */
final class LineSession {

    private LineSession() {
    }

    /** Connects over TCP, or UDP when {@code udp}, and runs the loop over standard input. */
    static int fromStdin(boolean udp, String host, int port, LineClient.Family family, Charset wire, Duration timeout,
            PrintWriter out) throws IOException {
        try (LineClient client = udp ? LineClient.udp(host, port, family, wire, timeout)
                : LineClient.tcp(host, port, family, wire, timeout);
             BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            return run(client, stdin, out);
        }
    }

    /** Seed 003's SocketServer client: a new connection for each line, closed once the reply is read. */
    static int connectionPerLine(String host, int port, LineClient.Family family, Charset wire, Duration timeout,
            PrintWriter out) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = stdin.readLine(); line != null && !line.isEmpty(); line = stdin.readLine()) {
            try (LineClient client = LineClient.tcp(host, port, family, wire, timeout)) {
                String reply = client.exchange(line);
                if (reply == null) {
                    throw new CommandFailure("server " + host + " port " + port + " closed the connection without a reply");
                }
                out.println(reply);
                out.flush();
            }
        }
        return ExitCode.OK.code();
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
