package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/**
 * The folder every server serves {@code /static/} from: {@code static/file-4k.html} (4,096 bytes of HTML)
 * and {@code static/file-1m.bin} (1 MiB of fixed pseudo-random bytes). Readable by all, so nginx's
 * unprivileged workers can read it too.
 */
public final class BenchSite {

    public static final String FILE_4K = "file-4k.html";
    public static final String FILE_1M = "file-1m.bin";

    private BenchSite() {
    }

    /** Creates the site under {@code parent} and returns its folder. */
    public static Path create(Path parent) throws IOException {
        Path site = parent.resolve("site");
        Path dir = Files.createDirectories(site.resolve("static"));
        Files.write(dir.resolve(FILE_4K), html4k());
        byte[] bin = new byte[1024 * 1024];
        new Random(42).nextBytes(bin);
        Files.write(dir.resolve(FILE_1M), bin);
        for (Path p : new Path[] {parent, site, dir}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p : new Path[] {dir.resolve(FILE_4K), dir.resolve(FILE_1M)}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return site;
    }

    private static byte[] html4k() {
        String head = "<!doctype html>\n<html><head><title>weft bench</title></head><body>\n";
        String tail = "</body></html>\n";
        StringBuilder page = new StringBuilder(head);
        String line = "<p>The quick brown fox jumps over the lazy dog.</p>\n";
        while (page.length() + line.length() + tail.length() <= 4096) {
            page.append(line);
        }
        while (page.length() + tail.length() < 4096) {
            page.append(' ');
        }
        return page.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
