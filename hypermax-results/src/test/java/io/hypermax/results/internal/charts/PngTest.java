package io.hypermax.results.internal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
  @Test
  void encodedPngsDecodeToTheSamePixels() throws Exception {
    BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(1);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, x < 10 ? 0xFFFFFF : r.nextInt(0x1000000));
      }
    }
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(img)));
    assertEquals(img.getWidth(), back.getWidth());
    assertEquals(img.getHeight(), back.getHeight());
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        assertEquals(img.getRGB(x, y) & 0xFFFFFF, back.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
      }
    }
  }
}
