package io.civickit.files.internal;

import io.civickit.files.ScanResult;
import io.civickit.files.VirusScanner;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for clamd's {@code INSTREAM} command over TCP: {@code zINSTREAM\0}, then chunks each
 * led by a 4-byte big-endian length, then a zero length; clamd answers {@code stream: OK},
 * {@code stream: <signature> FOUND} or {@code INSTREAM size limit exceeded. ERROR}, ended by a
 * NUL. Every fault is {@link ScanResult.ScannerUnavailable}.
 */
public final class ClamdScanner implements VirusScanner {
  private static final Logger LOG = LoggerFactory.getLogger(ClamdScanner.class);
  private static final int CHUNK = 64 * 1024;
  private static final int MAX_REPLY = 4096;

  private final String host;
  private final int port;
  private final int connectMillis;
  private final int readMillis;

  public ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout) {
    this.host = Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("clamd's port must be 1 to 65535, but was " + port);
    }
    this.port = port;
    this.connectMillis = millis("connectTimeout", connectTimeout);
    this.readMillis = millis("readTimeout", readTimeout);
  }

  private static int millis(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + d);
    }
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), connectMillis);
      s.setSoTimeout(readMillis);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public ScanResult scan(InputStream content) {
    String reply;
    try (Socket s = connect()) {
      OutputStream raw = s.getOutputStream();
      DataOutputStream out = new DataOutputStream(raw);
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[CHUNK];
      boolean refusedEarly = false;
      while (true) {
        int n;
        try {
          n = content.readNBytes(buf, 0, CHUNK);
        } catch (IOException e) {
          return unavailable("the file could not be read for scanning (" + e.getClass().getSimpleName() + ")");
        }
        if (n == 0) {
          break;
        }
        try {
          out.writeInt(n);
          out.write(buf, 0, n);
        } catch (IOException e) {
          // clamd closes the connection once a stream passes its StreamMaxLength: read its reply
          refusedEarly = true;
          break;
        }
      }
      if (!refusedEarly) {
        try {
          out.writeInt(0);
          out.flush();
        } catch (IOException e) {
          refusedEarly = true;
        }
      }
      reply = readReply(s.getInputStream());
    } catch (SocketTimeoutException e) {
      return unavailable("clamd at " + host + ":" + port + " did not answer within its timeout");
    } catch (IOException e) {
      return unavailable("clamd at " + host + ":" + port + " could not be reached or dropped the connection ("
          + e.getClass().getSimpleName() + ")");
    }
    return interpret(reply);
  }

  static ScanResult interpret(String reply) {
    String r = reply.strip();
    if (r.equals("stream: OK")) {
      return new ScanResult.Clean();
    }
    if (r.startsWith("stream: ") && r.endsWith(" FOUND")) {
      String signature = r.substring("stream: ".length(), r.length() - " FOUND".length()).strip();
      if (!signature.isEmpty()) {
        return new ScanResult.Infected(signature);
      }
    }
    if (r.contains("size limit exceeded")) {
      return unavailable("clamd refused the file: INSTREAM size limit exceeded (raise StreamMaxLength, "
          + "or lower the upload limit below it)");
    }
    return unavailable("clamd answered something unexpected: \"" + printable(r) + "\"");
  }

  private static String printable(String s) {
    String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static ScanResult unavailable(String reason) {
    LOG.warn("virus scanner unavailable: {}", reason);
    return new ScanResult.ScannerUnavailable(reason);
  }

  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != 0 && c != '\n') {
      if (b.size() >= MAX_REPLY) {
        throw new IOException("clamd's reply is longer than " + MAX_REPLY + " bytes");
      }
      b.write(c);
    }
    if (c == -1 && b.size() == 0) {
      throw new IOException("clamd closed the connection without a reply");
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean isAvailable() {
    try (Socket s = connect()) {
      s.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return "PONG".equals(readReply(s.getInputStream()));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "VirusScanner.clamAv[" + host + ":" + port + "]";
  }
}
