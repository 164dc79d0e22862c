package io.civickit.files.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressDecryptionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Encrypts a file as a sequence of AES-GCM chunks with the key ring. Each chunk's associated
 * data names the journey, the file, the chunk's position and whether it is the last, so a chunk
 * moved to another position or file, or a file cut short, fails its integrity check.
 */
final class ChunkCipher {
  /** Plaintext bytes per chunk. */
  public static final int CHUNK = 64 * 1024;

  private final KeyRing keys;

  public ChunkCipher(KeyRing keys) {
    this.keys = keys;
  }

  /** Receives sealed chunks in order. */
  @FunctionalInterface
  public interface Sink {
    void accept(int index, byte[] sealed) throws IOException;
  }

  /** Gives sealed chunks back in order; null when there are no more. */
  @FunctionalInterface
  public interface Source {
    byte[] next() throws IOException;
  }

  /** What {@link #write} streamed. */
  public record Written(long size, String sha256, int chunks) {}

  static byte[] aad(JourneyId journey, String fileId, int index, boolean last) {
    return ("civickit-file|" + journey.value() + "|" + fileId + "|" + index + "|" + (last ? "last" : "more"))
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] metaAad(JourneyId journey, String fileId) {
    return ("civickit-file-meta|" + journey.value() + "|" + fileId).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads {@code in} to its end, sealing each chunk into {@code sink}; holds at most two chunks.
   * An empty input gives one empty last chunk.
   */
  public Written write(JourneyId journey, String fileId, InputStream in, Sink sink) throws IOException {
    MessageDigest sha = Digests.newSha256();
    byte[] current = new byte[CHUNK];
    byte[] next = new byte[CHUNK];
    int n = in.readNBytes(current, 0, CHUNK);
    long size = 0;
    int index = 0;
    while (true) {
      int m = n == CHUNK ? in.readNBytes(next, 0, CHUNK) : 0;
      boolean last = m == 0;
      byte[] plain = n == CHUNK ? current : java.util.Arrays.copyOf(current, n);
      sha.update(plain, 0, n);
      size += n;
      sink.accept(index, keys.encrypt(plain, aad(journey, fileId, index, last)));
      index++;
      if (last) {
        return new Written(size, HexFormat.of().formatHex(sha.digest()), index);
      }
      byte[] t = current;
      current = next;
      next = t;
      n = m;
    }
  }

  /** A stream of the plaintext of {@code chunks} sealed chunks; closing it closes {@code onClose}. */
  public InputStream read(JourneyId journey, String fileId, int chunks, Source source, AutoCloseable onClose) {
    return new Decrypting(journey, fileId, chunks, source, onClose);
  }

  /** Seals a file's metadata (names, type, digest), bound to the journey and file. */
  public byte[] sealMeta(JourneyId journey, String fileId, Properties meta) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      meta.store(out, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return keys.encrypt(out.toByteArray(), metaAad(journey, fileId));
  }

  /** Opens metadata sealed by {@link #sealMeta}. */
  public Properties openMeta(JourneyId journey, String fileId, byte[] sealed) {
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(keys.decrypt(sealed, metaAad(journey, fileId))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }


  private final class Decrypting extends InputStream {
    private final JourneyId journey;
    private final String fileId;
    private final int chunks;
    private final Source source;
    private final AutoCloseable onClose;
    private byte[] buffer = new byte[0];
    private int pos;
    private int index;
    private boolean closed;

    Decrypting(JourneyId journey, String fileId, int chunks, Source source, AutoCloseable onClose) {
      this.journey = journey;
      this.fileId = fileId;
      this.chunks = chunks;
      this.source = source;
      this.onClose = onClose;
    }

    private boolean fill() throws IOException {
      while (pos >= buffer.length) {
        if (closed) {
          throw new IOException("the stream of file " + fileId + " is closed");
        }
        if (index >= chunks) {
          if (source.next() != null) {
            throw new IOException("file " + fileId + " has more chunks than its record says: it was altered");
          }
          return false;
        }
        byte[] sealed = source.next();
        if (sealed == null) {
          throw new IOException("file " + fileId + " is cut short at chunk " + index + " of " + chunks);
        }
        try {
          buffer = keys.decrypt(sealed, aad(journey, fileId, index, index == chunks - 1));
        } catch (ProgressDecryptionException e) {
          throw new IOException("chunk " + index + " of file " + fileId
              + " failed its integrity check: it was altered, moved or belongs to another file", e);
        }
        pos = 0;
        index++;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? buffer[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, buffer.length - pos);
      System.arraycopy(buffer, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      buffer = new byte[0];
      pos = 0;
      try {
        onClose.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
