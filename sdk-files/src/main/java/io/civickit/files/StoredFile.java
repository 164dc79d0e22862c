package io.civickit.files;

import io.civickit.core.JourneyId;
import java.time.Instant;
import java.util.Objects;

/**
 * A file in a {@link FileStore}, with what the store keeps about it.
 *
 * @param ref the file as the service sees it
 * @param journeyId the journey it belongs to; it is deleted when that journey is purged
 * @param questionId the question it answers
 * @param originalName the name the browser sent, kept only for display: it is untrusted text,
 *     so escape it wherever it is shown (the HTML pieces here do)
 * @param state whether it has been found clean
 * @param storedAt when it was stored
 */
public record StoredFile(FileRef ref, JourneyId journeyId, String questionId, String originalName, FileState state,
    Instant storedAt) {

  /** Checks for nulls. */
  public StoredFile {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(storedAt, "storedAt");
  }

  /** @return the file's id, {@code ref().id()} */
  public String id() {
    return ref.id();
  }
}
