package io.civickit.files;

import java.util.Objects;

/** What a {@link VirusScanner} found. */
public sealed interface ScanResult {

  /** The scanner read every byte and found nothing. */
  record Clean() implements ScanResult {}

  /**
   * The scanner found a virus.
   *
   * @param signature the scanner's name for it, e.g. {@code Win.Test.EICAR_HDB-1}
   */
  record Infected(String signature) implements ScanResult {
    /** Checks for null. */
    public Infected {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * The file could not be scanned: the scanner is down, slow, refused the file (too big for
   * its limits) or answered something unexpected. The file must be held, never accepted.
   *
   * @param reason what happened, for the service's logs (no file contents)
   */
  record ScannerUnavailable(String reason) implements ScanResult {
    /** Checks for null. */
    public ScannerUnavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
