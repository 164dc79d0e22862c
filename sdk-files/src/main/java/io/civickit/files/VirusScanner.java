package io.civickit.files;

import io.civickit.files.internal.ClamdScanner;
import java.io.InputStream;
import java.time.Duration;

/**
 * Scans a file for viruses. A scanner never throws for a scanner fault: it returns
 * {@link ScanResult.ScannerUnavailable}, and the file is held.
 */
public interface VirusScanner {

  /**
   * Scans a file's bytes, reading {@code content} to its end (the caller closes it).
   *
   * @param content the bytes
   * @return clean, infected, or unavailable (including when reading {@code content} fails)
   */
  ScanResult scan(InputStream content);

  /**
   * Whether the scanner answers now (ClamAV: {@code PING} → {@code PONG}), for health checks.
   *
   * @return true if it answered as expected within its timeouts
   */
  boolean isAvailable();

  /**
   * A ClamAV daemon ({@code clamd}) on TCP, spoken to with its {@code INSTREAM} command; connect
   * and read timeouts of 2 and 30 seconds.
   *
   * @param host clamd's host, e.g. {@code 127.0.0.1}
   * @param port clamd's {@code TCPSocket}, usually 3310
   * @return the scanner
   */
  static VirusScanner clamAv(String host, int port) {
    return clamAv(host, port, Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  /**
   * A ClamAV daemon on TCP with the given timeouts.
   *
   * @param host clamd's host
   * @param port clamd's port, 1 to 65535
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for each reply (a scan of a large file takes a while)
   * @return the scanner
   * @throws IllegalArgumentException for a bad port or a timeout that is not positive
   */
  static VirusScanner clamAv(String host, int port, Duration connectTimeout, Duration readTimeout) {
    return new ClamdScanner(host, port, connectTimeout, readTimeout);
  }
}
