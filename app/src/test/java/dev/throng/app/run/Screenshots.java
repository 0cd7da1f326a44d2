package dev.throng.app.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene as a PNG file (without javafx-swing). Call on the FX thread. */
public final class Screenshots {
    private Screenshots() {}

    public static void write(Scene scene, Path file) throws IOException {
        write(scene.snapshot(null), file);
    }

    /** Writes one part of a shown window (a node, at its laid-out size). */
    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(null, null), file);
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
