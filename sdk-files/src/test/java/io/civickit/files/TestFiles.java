package io.civickit.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Real files for tests: images from ImageIO, PDFs (plain and encrypted) from PDFBox. */
final class TestFiles {
  private TestFiles() {}

  static byte[] image(String format, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      img.setRGB(x, x % height, 0x1d70b8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  static byte[] jpeg(int width, int height) {
    return image("jpg", width, height);
  }

  static byte[] pdf() {
    return pdf(null, null);
  }

  /** A one-page PDF; with a user password (needed to open) and/or an owner password (needed to edit). */
  static byte[] pdf(String userPassword, String ownerPassword) {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      if (userPassword != null || ownerPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy(
            ownerPassword == null ? "" : ownerPassword, userPassword == null ? "" : userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
