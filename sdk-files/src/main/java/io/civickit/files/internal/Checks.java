package io.civickit.files.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/** The checks made on a file's bytes; none of them throws for any input. */
public final class Checks {
  /** How many leading bytes type detection looks at. */
  public static final int PREFIX = 64 * 1024;

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

  private Checks() {}

  /**
   * The media type of a file from its first bytes (Tika's magic numbers), using the name only to
   * refine a match the bytes allow (a {@code .csv} name makes plain text {@code text/csv}, never
   * makes HTML a PDF). {@code application/octet-stream} when nothing matches.
   */
  public static String detect(byte[] prefix, int length, String name) {
    Metadata md = new Metadata();
    if (!name.isBlank()) {
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try {
      MediaType t = TYPES.detect(new ByteArrayInputStream(prefix, 0, length), md);
      return t.getBaseType().toString().toLowerCase(Locale.ROOT);
    } catch (IOException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  /** Whether {@code type} is {@code allowed} or a specialisation of it ({@code text/csv} of {@code text/plain}). */
  public static boolean isA(String type, String allowed) {
    MediaType t = MediaType.parse(type);
    MediaType a = MediaType.parse(allowed);
    if (t == null || a == null) {
      return false;
    }
    t = REGISTRY.normalize(t.getBaseType());
    a = REGISTRY.normalize(a.getBaseType());
    if (a.getSubtype().equals("*")) {
      return t.getType().equals(a.getType());
    }
    return t.equals(a) || REGISTRY.isSpecializationOf(t, a);
  }

  /** The media type a name's extension stands for ({@code .pdf} → {@code application/pdf}), if known. */
  public static Optional<String> typeOfExtension(String extension) {
    try {
      MediaType t = TYPES.getMimeType("file" + (extension.startsWith(".") ? extension : "." + extension)).getType();
      return t.equals(MediaType.OCTET_STREAM) ? Optional.empty() : Optional.of(t.getBaseType().toString());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The usual extension of a media type ({@code .jpg}), if Tika knows one. */
  public static Optional<String> extensionOf(String type) {
    try {
      String ext = TYPES.forName(type).getExtension();
      return ext.isEmpty() ? Optional.empty() : Optional.of(ext);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** An image's width and height. */
  public record Dimensions(int width, int height) {}

  /** What reading an image's header found. */
  public sealed interface ImageHeader {
    /** ImageIO has no reader for this type (WebP, HEIC): dimensions are not checked. */
    record Unsupported() implements ImageHeader {}
    /** The header says this size. */
    record Read(Dimensions dimensions) implements ImageHeader {}
    /** A reader exists but the header is not valid. */
    record Broken() implements ImageHeader {}
  }

  /** Reads only an image's header for its size, through ImageIO. Never throws. */
  public static ImageHeader imageHeader(String type, InputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      return new ImageHeader.Unsupported();
    }
    ImageReader reader = readers.next();
    try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
      if (iis == null) {
        return new ImageHeader.Broken();
      }
      reader.setInput(iis, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      return w > 0 && h > 0 ? new ImageHeader.Read(new Dimensions(w, h)) : new ImageHeader.Broken();
    } catch (IOException | RuntimeException | LinkageError e) {
      return new ImageHeader.Broken();
    } finally {
      reader.dispose();
    }
  }

  /** A stream that must see every byte: skipping reads one byte, and there is no mark or reset. */
  private abstract static class Watching extends FilterInputStream {
    Watching(InputStream in) {
      super(in);
    }

    @Override
    public long skip(long n) throws IOException {
      return read() < 0 ? 0 : 1;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int limit) {
      // not supported: every byte must go by once
    }

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark and reset are not supported");
    }
  }

  /**
   * Counts bytes and stops reading once past {@code max}: the read that would pass it throws
   * {@link TooBig}, so at most {@code max + 1} bytes are ever read from the source.
   */
  public static final class Limited extends Watching {
    private final long max;
    private long count;

    public Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0 && ++count > max) {
        throw new TooBig(max);
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int allowed = (int) Math.min(len, max + 1 - count);
      if (allowed <= 0) {
        throw new TooBig(max);
      }
      int n = super.read(b, off, allowed);
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new TooBig(max);
        }
      }
      return n;
    }
  }

  /** The content was larger than the limit; no more of it was read. */
  public static final class TooBig extends IOException {
    private static final long serialVersionUID = 1L;

    TooBig(long max) {
      super("the file is larger than the limit of " + max + " bytes");
    }
  }

  /**
   * Watches a PDF go by for an encryption dictionary: the {@code /Encrypt} key sits in the
   * trailer (or the cross-reference stream's dictionary), which is never itself encrypted or
   * compressed. Any PDF with a user or an owner password has one. Memory: a few bytes.
   */
  public static final class PdfEncryptionWatch extends Watching {
    private static final byte[] KEY = "/Encrypt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private int matched;
    private boolean pendingDelimiter;
    private boolean found;

    public PdfEncryptionWatch(InputStream in) {
      super(in);
    }

    /** @return whether an {@code /Encrypt} key went by */
    public boolean encrypted() {
      return found;
    }

    private void see(int c) {
      if (pendingDelimiter) {
        pendingDelimiter = false;
        if (isDelimiter(c)) {
          found = true;
        }
      }
      if (c == KEY[matched]) {
        matched++;
        if (matched == KEY.length) {
          matched = 0;
          pendingDelimiter = true;
        }
      } else {
        matched = c == KEY[0] ? 1 : 0;
      }
    }

    private static boolean isDelimiter(int c) {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 || c == '/' || c == '<'
          || c == '[' || c == '(' || (c >= '0' && c <= '9');
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        see(c);
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = 0; i < n; i++) {
        see(b[off + i] & 0xff);
      }
      return n;
    }
  }
}
