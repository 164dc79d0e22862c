package io.civickit.files;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored file as the rest of a service sees it: what the submission carries and check your
 * answers shows. It never holds the file's bytes; {@link Uploads#open} reads those.
 *
 * @param id the file's unguessable id: 22 URL-safe base64 characters (128 random bits)
 * @param name the file's name as stored: sanitised by {@link Filenames#sanitise(String)}, so safe
 *     in a {@code Content-Disposition} header, an email attachment or a file system (still
 *     escape it in HTML, as any text)
 * @param size the size in bytes, at least 1
 * @param contentType the media type detected from the bytes (never the browser's claim), e.g.
 *     {@code application/pdf}
 * @param sha256 the SHA-256 of the bytes, 64 lowercase hex digits, for the receiving system to
 *     check what it fetched
 */
public record FileRef(String id, String name, long size, String contentType, String sha256) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

  /**
   * Validates every part.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public FileRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a file id is 22 URL-safe base64 characters, but was \"" + abbreviate(id) + "\"");
    }
    if (!Filenames.isSanitised(name)) {
      throw new IllegalArgumentException("a file name must be sanitised (Filenames.sanitise), but was \""
          + abbreviate(name) + "\"");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a file size must not be negative, but was " + size);
    }
    if (!TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("a content type is a lowercase media type such as application/pdf, but was \""
          + abbreviate(contentType) + "\"");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("a SHA-256 is 64 lowercase hex digits, but was \"" + abbreviate(sha256) + "\"");
    }
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }

  /**
   * The size for people: {@code 812 bytes}, {@code 14KB}, {@code 2.3MB}, as GOV.UK writes sizes.
   *
   * @return the size in bytes, kilobytes or megabytes
   */
  public String displaySize() {
    return io.civickit.files.internal.Messages.size(size);
  }
}
