package io.civickit.submit;

import io.civickit.notify.internal.settings.Settings;
import io.civickit.core.Journey;
import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Form;
import io.civickit.notify.NotificationId;
import io.civickit.notify.Notifier;
import io.civickit.notify.outbox.Backoff;
import io.civickit.submit.internal.JdbcSubmissions;
import io.civickit.submit.internal.SubmissionsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Delivers completed applications to the council's back office, and never loses one. The entry
 * point of sdk-submit.
 *
 * <pre>{@code
 * SubmissionSchema.install(dataSource);
 * Submissions submissions = Submissions.builder()
 *     .dataSource(dataSource)
 *     .keyRing(keyRing)
 *     .councilName("Bryncoed County Council")
 *     .destination("garden-waste", TeamEmail.smtp().host("smtp.council.gov.uk").from("forms@council.gov.uk")
 *         .to("waste-team@council.gov.uk").build())
 *     .destination("garden-waste", CaseWebhook.builder().url(URI.create("https://crm.council.gov.uk/in"))
 *         .secret(secret).build())
 *     .build();
 * submissions.start();                       // delivery workers; close() stops them
 * ...
 * submissions.submit(journey, form);         // when the journey completes
 * }</pre>
 *
 * <p>What it guarantees (see {@code docs/submissions.md}):
 * <ul>
 *   <li><b>One document per journey.</b> {@link #submit} stores the document and one delivery per
 *       destination of the form in one transaction; submitting the same journey again returns the
 *       first document and queues nothing.
 *   <li><b>Nothing lost.</b> Deliveries are rows in the database, claimed by workers on any
 *       instance with {@code FOR UPDATE SKIP LOCKED} under a lease; failures are retried with
 *       backoff; after the last attempt a delivery is dead-lettered ({@link #deadLetters()})
 *       until someone {@linkplain #sendAgain sends it again}.
 *   <li><b>Exactly once per submission id.</b> Every delivery carries the submission id as its
 *       idempotency key. A delivery is attempted again only when its outcome is unknown (the
 *       worker died, the counterpart timed out); destinations that can look first do, and the
 *       others repeat the same key, on which the counterpart drops the repeat.
 * </ul>
 */
public interface Submissions extends AutoCloseable {

  /**
   * A builder; the data source, key ring and council name are required.
   *
   * @return a builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Submits a completed journey in English with no payment: see {@link #submit(Journey, Form, SubmitOptions)}.
   *
   * @param journey the completed journey
   * @param form the form it ran
   * @return the stored document
   */
  Submission submit(Journey journey, Form form);

  /**
   * Makes the journey's submission document, stores it (encrypted) and queues its delivery to
   * every destination configured for the form, in one transaction. Call it when the journey
   * completes; calling it again for the same journey (a retry, a second instance, a restart that
   * re-submits completed journeys) returns the document stored the first time.
   *
   * @param journey the completed journey
   * @param form the form it ran, at the journey's version
   * @param options the language, payment and extra files
   * @return the stored document
   * @throws IllegalArgumentException if the journey is not completed or ran another form version
   * @throws io.civickit.core.CivicKitException if the database cannot be written
   */
  Submission submit(Journey journey, Form form, SubmitOptions options);

  /**
   * The submission with this id.
   *
   * @param submissionId the id
   * @return the document, or empty
   */
  Optional<Submission> find(String submissionId);

  /**
   * Every delivery of a submission, one per destination.
   *
   * @param submissionId the id
   * @return the deliveries, by destination name
   */
  List<DeliveryState> deliveries(String submissionId);

  /**
   * The dead letters: deliveries that failed for good or ran out of attempts, oldest first. For
   * the agent console's "not delivered" list.
   *
   * @return the failed deliveries (at most 1000)
   */
  List<DeliveryState> deadLetters();

  /**
   * Queues a dead-lettered delivery again, with a fresh set of attempts, due now ("send again").
   *
   * @param submissionId the submission
   * @param destination the destination's name
   * @return whether a failed delivery was found and queued
   */
  boolean sendAgain(String submissionId, String destination);

  /**
   * How many deliveries are in each status, for health checks and metrics.
   *
   * @return the counts, every status present
   */
  Map<DeliveryStatus, Long> counts();

  /**
   * How many deliveries are in each status, per destination name.
   *
   * @return the counts by destination
   */
  Map<String, Map<DeliveryStatus, Long>> countsByDestination();

  /**
   * A CSV batch of a form version's submissions made in a period (a day, a week): the header and
   * a row per submission, oldest first. See {@link SubmissionCsv}.
   *
   * @param formId the form
   * @param formVersion its version (columns are stable per version)
   * @param from the start of the period, inclusive
   * @param to the end of the period, exclusive
   * @return the CSV; just the header if there were none
   */
  String csvBatch(String formId, int formVersion, Instant from, Instant to);

  /**
   * Sends the applicant a copy of their answers by email, through the notifier and template given
   * to {@link Builder#applicantCopies}. At most one copy per submission: asking twice sends one.
   * The template gets {@code reference}, {@code service} (the form title) and {@code answers} (a
   * list of "question: answer" lines, which Notify shows as bullets), in the person's language.
   *
   * @param submissionId the submission
   * @param emailAddress the applicant's address
   * @return the notification's id
   * @throws IllegalStateException if no notifier was configured
   * @throws java.util.NoSuchElementException if there is no such submission
   */
  NotificationId sendCopyToApplicant(String submissionId, String emailAddress);

  /**
   * Whether {@link #sendCopyToApplicant} can send: a notifier and template were given to
   * {@link Builder#applicantCopies}. A web runner offers "email me a copy" only then.
   *
   * @return true if applicant copies are configured
   */
  boolean sendsApplicantCopies();

  /**
   * Deletes the stored documents of submissions made before {@code cutoff} whose every delivery
   * has been delivered (and those of forms with no destination), with their delivery rows: the
   * retention job. A submission with a delivery still queued, being sent or dead-lettered is
   * kept, whatever its age, so nothing undelivered is lost. What the destinations hold (a team
   * inbox, a case system) is theirs to keep or delete.
   *
   * @param cutoff submissions made before this instant may go
   * @return how many submissions were deleted
   * @throws io.civickit.core.CivicKitException if the database cannot be written
   */
  int purgeDeliveredBefore(Instant cutoff);

  /**
   * Claims one batch of due deliveries and attempts each: what every worker does in a loop.
   * Tests call it directly.
   *
   * @return how many deliveries were claimed
   */
  int runOnce();

  /**
   * Starts the delivery workers on this instance ({@link Builder#workers} threads). Safe on every
   * instance at once.
   *
   * @throws IllegalStateException if they are running already
   */
  void start();

  /** Stops the workers after their current delivery. */
  @Override
  void close();

  /** Configures {@link Submissions}. */
  final class Builder {
    private DataSource dataSource;
    private KeyRing keyRing;
    private String councilName;
    private Locale teamLanguage = Locale.UK;
    private final Map<String, List<Destination>> destinations = new LinkedHashMap<>();
    private int maxAttempts = 10;
    private Backoff backoff = Backoff.defaults();
    private Duration lease = Duration.ofMinutes(2);
    private int batchSize = 10;
    private Duration pollInterval = Duration.ofSeconds(1);
    private int workers = 2;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = RandomGenerator.getDefault();
    private String instanceId = UUID.randomUUID().toString();
    private Notifier notifier;
    private String copyTemplateId;

    Builder() {}

    /**
     * Where the submission tables are (see {@link SubmissionSchema}).
     *
     * @param dataSource the database
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Encrypts stored documents (AES-256-GCM, the submission id bound in); use the ring the
     * progress store uses. Keep retired keys while documents sealed with them are kept.
     *
     * @param keyRing the keys
     * @return this builder
     */
    public Builder keyRing(KeyRing keyRing) {
      this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
      return this;
    }

    /**
     * The council's name, printed on the PDF copy.
     *
     * @param name for example "Bryncoed County Council"
     * @return this builder
     */
    public Builder councilName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("the council name must not be blank");
      }
      this.councilName = name;
      return this;
    }

    /**
     * The language of the team's copies: the PDF and the CSV's answers (English unless set).
     *
     * @param language {@code cy} for Welsh
     * @return this builder
     */
    public Builder teamLanguage(Locale language) {
      this.teamLanguage = Objects.requireNonNull(language, "language");
      return this;
    }

    /**
     * Adds a destination for a form's submissions; a form may have several, each gets every
     * submission. A form with none still has its documents stored (for {@link #csvBatch}).
     *
     * @param formId the form's id
     * @param destination the destination
     * @return this builder
     * @throws IllegalArgumentException if the form has a destination of that name already, or the
     *     name is blank or longer than 100 characters
     */
    public Builder destination(String formId, Destination destination) {
      Objects.requireNonNull(formId, "formId");
      Objects.requireNonNull(destination, "destination");
      String name = destination.name();
      if (name == null || name.isBlank() || name.length() > 100) {
        throw new IllegalArgumentException("a destination name is 1 to 100 characters, but was '" + name + "'");
      }
      List<Destination> list = destinations.computeIfAbsent(formId, k -> new ArrayList<>());
      if (list.stream().anyMatch(d -> d.name().equals(name))) {
        throw new IllegalArgumentException("form '" + formId + "' has a destination named '" + name
            + "' already: give the second one another name");
      }
      list.add(destination);
      return this;
    }

    /**
     * Attempts per delivery before it is dead-lettered (10 unless set).
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Settings.maxAttempts(maxAttempts);
      return this;
    }

    /**
     * The retry backoff ({@link Backoff#defaults()}: 2 seconds doubling to 15 minutes, full jitter).
     *
     * @param backoff the backoff
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * How long a worker holds a claimed batch (2 minutes unless set). Deliveries of a worker that
     * dies are claimed again once it runs out; a worker stops starting deliveries once half of
     * it has gone, so set it to more than twice the longest delivery.
     *
     * @param lease at least 2 ms
     * @return this builder
     */
    public Builder lease(Duration lease) {
      this.lease = Settings.lease(lease);
      return this;
    }

    /**
     * How many deliveries a worker claims at once (10 unless set).
     *
     * @param batchSize 1 to 1000
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = Settings.batchSize(batchSize);
      return this;
    }

    /**
     * How long an idle worker waits before looking again (1 second unless set).
     *
     * @param pollInterval positive
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Settings.positive(pollInterval, "poll interval");
      return this;
    }

    /**
     * How many worker threads {@link #start()} runs on this instance (2 unless set).
     *
     * @param workers 1 to 64
     * @return this builder
     */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException("workers must be 1 to 64, but was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * The clock for submission times, due times and leases.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The randomness for backoff jitter.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * This instance's name in leases (a random UUID unless set); unique per instance.
     *
     * @param instanceId 1 to 60 characters
     * @return this builder
     */
    public Builder instanceId(String instanceId) {
      Objects.requireNonNull(instanceId, "instanceId");
      if (instanceId.isBlank() || instanceId.length() > 60) {
        throw new IllegalArgumentException("an instance id is 1 to 60 characters, but was '" + instanceId + "'");
      }
      this.instanceId = instanceId;
      return this;
    }

    /**
     * Enables {@link Submissions#sendCopyToApplicant}: copies go through this notifier (the
     * durable {@code Outbox} of sdk-notify, so they are retried and never sent twice) with this
     * template.
     *
     * @param notifier the notifier
     * @param templateId the email template's id
     * @return this builder
     */
    public Builder applicantCopies(Notifier notifier, String templateId) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      this.copyTemplateId = Objects.requireNonNull(templateId, "templateId");
      return this;
    }

    /**
     * Builds the service. It does not create its tables (see {@link SubmissionSchema}) and does
     * not start its workers (see {@link Submissions#start()}).
     *
     * @return the service
     * @throws IllegalStateException if the data source, key ring or council name is missing
     */
    public Submissions build() {
      if (dataSource == null) {
        throw new IllegalStateException("submissions need a data source: call dataSource(...)");
      }
      if (keyRing == null) {
        throw new IllegalStateException("submissions need a key ring to encrypt stored documents: call keyRing(...)");
      }
      if (councilName == null) {
        throw new IllegalStateException("submissions need the council's name for the PDF copy: call councilName(...)");
      }
      Map<String, List<Destination>> copy = new LinkedHashMap<>();
      destinations.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new JdbcSubmissions(new SubmissionsConfig(dataSource, keyRing, councilName, teamLanguage, Map.copyOf(copy),
          maxAttempts, backoff, lease, batchSize, pollInterval, workers, clock, random, instanceId,
          Optional.ofNullable(notifier), Optional.ofNullable(copyTemplateId)));
    }
  }
}
