package io.civickit.files;

import java.time.Duration;

/** The shared test clamd ({@link io.civickit.testsupport.ClamdServer}), with a scanner for it. */
final class ClamdServer extends io.civickit.testsupport.ClamdServer {
  /** A scanner for this clamd with short timeouts. */
  VirusScanner scanner() {
    return VirusScanner.clamAv("127.0.0.1", port(), Duration.ofSeconds(2), Duration.ofSeconds(20));
  }
}
