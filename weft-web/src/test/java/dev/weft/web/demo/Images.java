package dev.weft.web.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real images for avatar tests, drawn and encoded by the JDK. */
final class Images {

    private Images() {
    }

    static byte[] png() {
        return encode("png");
    }

    static byte[] gif() {
        return encode("gif");
    }

    static Path pngFile(Path dir) throws IOException {
        return Files.write(dir.resolve("avatar.png"), png());
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x7f, 0xd1, 0xb9));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(0x1d, 0x23, 0x30));
        g.fillOval(12, 12, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("the JDK has no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
