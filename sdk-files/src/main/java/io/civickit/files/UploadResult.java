package io.civickit.files;

import io.civickit.forms.LocalisedText;
import java.util.Objects;

/** What became of one uploaded file. */
public sealed interface UploadResult {

  /**
   * Checked, scanned clean and stored: show it in the list of uploaded files.
   *
   * @param file the stored file
   */
  record Stored(FileRef file) implements UploadResult {
    /** Checks for null. */
    public Stored {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * Refused; nothing of it is kept. Show {@code message} in the error summary and above the file
   * input, as for any GOV.UK validation error.
   *
   * @param reason why, for the service's own use (metrics, tests)
   * @param message the GOV.UK Design System's message, in English and Welsh
   */
  record Rejected(Reason reason, LocalisedText message) implements UploadResult {
    /** Checks for nulls. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Stored but not accepted: the virus scanner could not be reached, so the file is held
   * (quarantined), not shown, not listed, not sent. Tell the person {@code message} (try again
   * later); {@link Uploads#rescanHeld} releases held files once the scanner is back.
   *
   * @param file the held file
   * @param message what to tell the person, in English and Welsh
   */
  record HeldScannerDown(FileRef file, LocalisedText message) implements UploadResult {
    /** Checks for nulls. */
    public HeldScannerDown {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a file was refused. */
  enum Reason {
    /** No file was chosen. */
    NO_FILE,
    /** The file has no bytes. */
    EMPTY,
    /** Larger than the question's limit. */
    TOO_BIG,
    /** Its bytes are not of an accepted type (whatever its name says). */
    WRONG_TYPE,
    /** A PDF with a password, where the question does not allow them. */
    PASSWORD_PROTECTED,
    /** An image smaller than the question's minimum dimensions. */
    IMAGE_TOO_SMALL,
    /** An image larger than the question's maximum dimensions. */
    IMAGE_TOO_LARGE,
    /** The scanner found a virus; the file was deleted. */
    VIRUS,
    /** The question already has its most files. */
    TOO_MANY,
    /** The upload broke off (the browser stopped sending). */
    FAILED
  }
}
