package io.civickit.files;

import io.civickit.files.internal.Checks;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one question accepts: the types (as detected from the bytes), the largest size, how many
 * files, image dimensions and whether password-protected PDFs are allowed.
 *
 * @param allowedTypes media types accepted, e.g. {@code image/jpeg}; {@code image/*} accepts any
 *     image; a type also accepts its specialisations ({@code text/plain} accepts {@code text/csv})
 * @param maxBytes the largest file, in bytes
 * @param minFiles how many files the question needs before the person can continue (0: optional)
 * @param maxFiles how many files the question takes at most
 * @param minImageWidth images narrower than this are refused (0: no minimum)
 * @param minImageHeight images lower than this are refused (0: no minimum)
 * @param maxImageWidth images wider than this are refused
 * @param maxImageHeight images higher than this are refused
 * @param allowPasswordProtectedPdf whether a PDF with a password (or other encryption) is accepted
 */
public record UploadRules(List<String> allowedTypes, long maxBytes, int minFiles, int maxFiles, int minImageWidth,
    int minImageHeight, int maxImageWidth, int maxImageHeight, boolean allowPasswordProtectedPdf) {

  /** A sdk-forms question's {@code maxItems} when the form does not set it. */
  private static final int DEFAULT_QUESTION_MAX_ITEMS = 50;

  /** GOV.UK's usual limit: 10MB. */
  public static final long TEN_MB = 10L * 1024 * 1024;

  /**
   * Validates every setting.
   *
   * @throws IllegalArgumentException naming the setting and its bad value
   */
  public UploadRules {
    allowedTypes = List.copyOf(allowedTypes);
    if (allowedTypes.isEmpty()) {
      throw new IllegalArgumentException("a question must accept at least one file type");
    }
    for (String t : allowedTypes) {
      if (!t.matches("[a-z0-9.+-]+/([a-z0-9.+-]+|\\*)")) {
        throw new IllegalArgumentException("a file type is a lowercase media type such as application/pdf, but was \""
            + t + "\"");
      }
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, but was " + maxBytes);
    }
    if (minFiles < 0 || maxFiles < 1 || minFiles > maxFiles || maxFiles > 100) {
      throw new IllegalArgumentException("files per question must be 0 <= minFiles <= maxFiles <= 100 and maxFiles >= 1, "
          + "but were minFiles=" + minFiles + ", maxFiles=" + maxFiles);
    }
    if (minImageWidth < 0 || minImageHeight < 0 || maxImageWidth < Math.max(1, minImageWidth)
        || maxImageHeight < Math.max(1, minImageHeight)) {
      throw new IllegalArgumentException("image limits must be 0 <= min <= max, but were width " + minImageWidth + "-"
          + maxImageWidth + ", height " + minImageHeight + "-" + maxImageHeight);
    }
  }

  /** @return a builder: JPG, PNG or PDF, up to 10MB, exactly one file, images up to 20,000 pixels a side */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules a sdk-forms file question states: its types (media types, or extensions such as
   * {@code .pdf} looked up by Tika), its largest size, and how many files: one unless the
   * question sets {@code maxItems} (at most 100), and at least one ({@code minItems} if more)
   * when the question is required. With no types given, JPG, PNG and PDF.
   *
   * @param question a {@link QuestionType#FILE} question
   * @return the rules
   * @throws IllegalArgumentException for another type of question or an extension Tika does not know
   */
  public static UploadRules from(Question question) {
    if (question.type() != QuestionType.FILE) {
      throw new IllegalArgumentException("question '" + question.id() + "' is " + question.type().jsonName()
          + ", not a file question");
    }
    // maxItems left at the question builder's default (50) means the usual single file
    int max = question.maxItems() == DEFAULT_QUESTION_MAX_ITEMS ? 1 : Math.min(question.maxItems(), 100);
    int min = question.required() ? Math.min(max, Math.max(1, question.minItems())) : 0;
    Builder b = builder().maxBytes(question.maxFileBytes()).files(min, max);
    if (!question.fileTypes().isEmpty()) {
      List<String> types = new ArrayList<>();
      for (String t : question.fileTypes()) {
        String x = t.strip().toLowerCase(Locale.ROOT);
        types.add(x.startsWith(".") ? Checks.typeOfExtension(x).orElseThrow(() -> new IllegalArgumentException(
            "question '" + question.id() + "': no media type is known for the extension " + x)) : x);
      }
      b.types(types.toArray(String[]::new));
    }
    return b.build();
  }

  /** Whether a detected type is accepted. */
  boolean accepts(String type) {
    for (String a : allowedTypes) {
      if (Checks.isA(type, a)) {
        return true;
      }
    }
    return false;
  }

  /** Builds {@link UploadRules}; every setter checks its value when {@link #build()} runs. */
  public static final class Builder {
    private List<String> types = List.of("image/jpeg", "image/png", "application/pdf");
    private long maxBytes = TEN_MB;
    private int minFiles = 1;
    private int maxFiles = 1;
    private int minWidth;
    private int minHeight;
    private int maxWidth = 20_000;
    private int maxHeight = 20_000;
    private boolean allowEncryptedPdf;

    private Builder() {}

    /** The accepted media types, replacing the default JPG, PNG and PDF. */
    public Builder types(String... mediaTypes) {
      this.types = List.of(mediaTypes);
      return this;
    }

    /** The largest file in bytes (default 10MB). */
    public Builder maxBytes(long bytes) {
      this.maxBytes = bytes;
      return this;
    }

    /** How many files: at least {@code min} to continue, at most {@code max} (default 1 and 1). */
    public Builder files(int min, int max) {
      this.minFiles = min;
      this.maxFiles = max;
      return this;
    }

    /** The smallest image accepted, in pixels (default none). */
    public Builder minImageSize(int width, int height) {
      this.minWidth = width;
      this.minHeight = height;
      return this;
    }

    /** The largest image accepted, in pixels (default 20,000 a side, against decompression bombs). */
    public Builder maxImageSize(int width, int height) {
      this.maxWidth = width;
      this.maxHeight = height;
      return this;
    }

    /** Accept PDFs with a password or other encryption (default: refuse them, as staff cannot open them). */
    public Builder allowPasswordProtectedPdf(boolean allow) {
      this.allowEncryptedPdf = allow;
      return this;
    }

    /**
     * @return the rules
     * @throws IllegalArgumentException naming a bad setting
     */
    public UploadRules build() {
      return new UploadRules(types, maxBytes, minFiles, maxFiles, minWidth, minHeight, maxWidth, maxHeight,
          allowEncryptedPdf);
    }
  }

  @Override
  public String toString() {
    return "UploadRules" + Objects.toString(allowedTypes) + "[maxBytes=" + maxBytes + ", files=" + minFiles + ".."
        + maxFiles + "]";
  }
}
