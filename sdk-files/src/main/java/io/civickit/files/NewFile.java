package io.civickit.files;

import io.civickit.core.JourneyId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * What a {@link FileStore} is told about a file before its bytes: the store works out the size
 * and SHA-256 itself while it streams them.
 *
 * @param id a new unguessable id ({@link #newId()})
 * @param journeyId the journey it belongs to
 * @param questionId the question it answers: 1 to 64 characters from {@code [A-Za-z0-9_.-]}
 * @param name the sanitised name ({@link Filenames#sanitise})
 * @param originalName the browser's name, for display only (at most 1,000 characters)
 * @param contentType the media type detected from the bytes
 * @param storedAt when it is stored (from the caller's clock)
 */
public record NewFile(String id, JourneyId journeyId, String questionId, String name, String originalName,
    String contentType, Instant storedAt) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Validates every part, by building a {@link FileRef} with placeholder size and digest.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public NewFile {
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(storedAt, "storedAt");
    new FileRef(id, name, 0, contentType, "0".repeat(64));
    if (!questionId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("a question id is 1 to 64 letters, digits, '.', '_' or '-', but was \""
          + (questionId.length() > 40 ? questionId.substring(0, 37) + "..." : questionId) + "\"");
    }
    if (originalName.length() > 1000) {
      throw new IllegalArgumentException("an original name is at most 1000 characters, but was " + originalName.length());
    }
  }

  /** @return a new file id: 128 random bits from a {@link SecureRandom}, URL-safe base64 */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The stored file once its bytes are in.
   *
   * @param size the number of bytes stored
   * @param sha256 their SHA-256, lowercase hex
   * @return the file, {@link FileState#QUARANTINED}
   */
  public StoredFile stored(long size, String sha256) {
    return new StoredFile(new FileRef(id, name, size, contentType, sha256), journeyId, questionId, originalName,
        FileState.QUARANTINED, storedAt);
  }
}
