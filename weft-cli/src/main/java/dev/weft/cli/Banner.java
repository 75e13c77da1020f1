package dev.weft.cli;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.nayuki.qrcodegen.QrCode;

/**
 * What {@code weft serve} prints so a person can open it: every URL that reaches the server (each interface's
 * address when bound to all of them), with the right scheme, and optionally a QR code of the LAN URL for a phone.
 */
final class Banner {

    private Banner() {
    }

    /** The URLs a browser can open for a server listening on {@code address}; loopback first, then the LAN. */
    static List<String> urls(InetSocketAddress address, boolean tls) {
        String scheme = tls ? "https://" : "http://";
        List<String> urls = new ArrayList<>();
        InetAddress bound = address.getAddress();
        if (!bound.isAnyLocalAddress()) {
            urls.add(scheme + host(bound) + ":" + address.getPort() + "/");
            return urls;
        }
        List<InetAddress> lan = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    lan.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (IOException e) {
            lan.add(InetAddress.getLoopbackAddress());
        }
        boolean v4Only = bound instanceof Inet4Address;
        lan.stream()
                .filter(a -> !(v4Only && a instanceof Inet6Address))
                .filter(a -> !a.isLinkLocalAddress())
                .sorted((a, b) -> Boolean.compare(!a.isLoopbackAddress(), !b.isLoopbackAddress()) != 0
                        ? Boolean.compare(!a.isLoopbackAddress(), !b.isLoopbackAddress())
                        : Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address))
                .forEach(a -> urls.add(scheme + host(a) + ":" + address.getPort() + "/"));
        return urls;
    }

    /** The URL to put in a QR code: the first one a phone on the LAN can reach, else the first. */
    static String lanUrl(List<String> urls) {
        return urls.stream().filter(u -> !u.contains("//127.") && !u.contains("//[::1]")).findFirst().orElse(urls.get(0));
    }

    private static String host(InetAddress address) {
        String text = address.getHostAddress().replaceFirst("%.*$", "");
        return address instanceof Inet6Address ? "[" + text.replaceFirst("^0:0:0:0:0:0:0:1$", "::1") + "]" : text;
    }

    /** {@code text} as a QR code in terminal lines, two modules per character with half blocks, quiet zone included. */
    static List<String> qr(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int border = 2;
        List<String> lines = new ArrayList<>();
        for (int y = -border; y < code.size + border; y += 2) {
            StringBuilder line = new StringBuilder();
            for (int x = -border; x < code.size + border; x++) {
                boolean top = dark(code, x, y);
                boolean bottom = dark(code, x, y + 1);
                // light modules are drawn, so the code reads on the usual dark terminal background
                line.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean dark(QrCode code, int x, int y) {
        return x >= 0 && y >= 0 && x < code.size && y < code.size && code.getModule(x, y);
    }

    /** The first port after {@code port} that {@code host} can listen on now, or -1 if none in the next hundred. */
    static int nextFreePort(String host, int port) {
        for (int candidate = port + 1; candidate <= Math.min(65535, port + 100); candidate++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(host, candidate));
                return candidate;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        return -1;
    }
}
