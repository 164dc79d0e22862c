package io.civickit.files;

/** Where a stored file is in its checks. */
public enum FileState {
  /**
   * Stored but not yet found clean: just received, or held because the virus scanner could not
   * be reached. A held file is never shown, listed as an answer or sent anywhere.
   */
  QUARANTINED,
  /** Scanned and found clean: part of the person's answers. */
  CLEAN
}
