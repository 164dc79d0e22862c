package io.civickit.submit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One submission's delivery to one destination, as the queue holds it. Carries no answers, so it
 * can be listed to staff and logged.
 *
 * @param submissionId the submission's id
 * @param reference the journey reference
 * @param formId the form
 * @param destination the destination's name
 * @param status where the delivery is
 * @param attempts attempts made so far
 * @param nextAttemptAt when it is next due (meaningful while queued)
 * @param receipt the destination's id for it once delivered (a Message-ID, a file name)
 * @param lastError why the last attempt failed, without personal data
 * @param updatedAt when the delivery last changed
 */
public record DeliveryState(String submissionId, String reference, String formId, String destination,
    DeliveryStatus status, int attempts, Instant nextAttemptAt, Optional<String> receipt, Optional<String> lastError,
    Instant updatedAt) {

  /**
   * Checks that every component is present.
   *
   * @throws NullPointerException if any component is null
   */
  public DeliveryState {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
