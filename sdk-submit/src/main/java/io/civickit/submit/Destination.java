package io.civickit.submit;

import io.civickit.notify.channel.SendResult;
import io.civickit.submit.internal.FolderDestination;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where submissions go: a team inbox, a case system's webhook, a message queue, a shared folder,
 * or a supplier's own system. Implement it to connect a CRM, and prove the implementation with
 * {@code io.civickit.test.submit.DestinationContract} from {@code sdk-test}.
 *
 * <p>A destination makes exactly one attempt per {@link #deliver} and reports the outcome as a
 * {@link SendResult}: {@link SendResult.Accepted} once the counterpart holds the submission,
 * {@link SendResult.RetryableFailure} to try again later, {@link SendResult.PermanentFailure}
 * when retrying is pointless (the submission is dead-lettered), {@link SendResult.UnknownOutcome}
 * when it cannot tell (a timeout after sending). It never retries, sleeps or throws for an
 * expected failure; {@link Submissions} does the retrying, through its durable queue. It is
 * called from several threads at once and must be thread-safe.
 *
 * <p>Every delivery carries {@link Delivery#idempotencyKey()} (the submission id): a delivery may
 * be repeated after a crash or an unknown outcome, and the counterpart recognises the repeat by
 * that key. A destination that can ask its counterpart whether it already holds a submission
 * says so with {@link #canLookUp()}; the queue then asks before it delivers again.
 *
 * <p>Built-ins: {@link TeamEmail} (SMTP or GOV.UK Notify, with the PDF and CSV attached),
 * {@link CaseWebhook} (signed JSON), {@link RabbitMq} (publisher confirms) and
 * {@link #folder(Path)} (atomic file drop).
 */
public interface Destination {

  /**
   * A short, stable name, unique among a form's destinations: it names the delivery in the
   * queue, logs and metrics. Never personal data. Renaming a destination orphans its queued
   * deliveries, so choose it once.
   *
   * @return the name, 1 to 100 characters
   */
  String name();

  /**
   * Makes one delivery attempt.
   *
   * @param delivery the submission and its renderings
   * @return the outcome; never null, never thrown
   */
  SendResult deliver(Delivery delivery);

  /**
   * Whether {@link #lookup} can tell if the counterpart already holds a submission.
   *
   * @return false unless overridden
   */
  default boolean canLookUp() {
    return false;
  }

  /**
   * Asks the counterpart whether it already holds this submission, after an attempt whose
   * outcome is unknown (a crash, a timeout).
   *
   * @param delivery the submission
   * @return the earlier acceptance, or empty if there is none (or {@link #canLookUp()} is false)
   * @throws io.civickit.core.CivicKitException if the counterpart could not be asked; the queue
   *     then treats the outcome as still unknown and tries later
   */
  default Optional<SendResult.Accepted> lookup(Delivery delivery) {
    return Optional.empty();
  }

  /**
   * Drops each submission into a folder, for a share that a scheduled job (SFTP, a file watcher)
   * collects: {@code <form>-<reference>.pdf}, {@code .csv} and, last, {@code .json}. Each file is
   * written to a temporary name, flushed to disk and renamed atomically, so a collector never
   * sees half a file; a delivery whose JSON is already there is not written again.
   *
   * @param folder the folder; created if missing
   * @return the destination, named {@code folder}
   */
  static Destination folder(Path folder) {
    return new FolderDestination("folder", folder);
  }

  /**
   * {@link #folder(Path)} with another name, for two folders on one form.
   *
   * @param name the destination's name
   * @param folder the folder
   * @return the destination
   */
  static Destination folder(String name, Path folder) {
    return new FolderDestination(name, folder);
  }
}
