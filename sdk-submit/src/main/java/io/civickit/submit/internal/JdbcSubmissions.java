package io.civickit.submit.internal;

import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.UnreadableDataException;
import io.civickit.forms.Form;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.DeliveryState;
import io.civickit.submit.DeliveryStatus;
import io.civickit.submit.Destination;
import io.civickit.submit.Submission;
import io.civickit.submit.SubmissionCsv;
import io.civickit.submit.SubmissionJson;
import io.civickit.submit.Submissions;
import io.civickit.submit.SubmitOptions;
import io.civickit.submit.SubmittedAnswer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions on JDBC, one code path for H2 and PostgreSQL: the document store and the delivery
 * queue.
 *
 * <p>A worker claims a batch of due deliveries with {@code SELECT ... FOR UPDATE SKIP LOCKED},
 * marks them {@code SENDING} under a lease whose owner is this claim alone, and commits. It then
 * attempts them one by one and writes each outcome in its own transaction, guarded by the claim
 * (so a worker that lost its lease changes nothing). A delivery claimed again after its lease ran
 * out is an unknown outcome: the destination is asked first if it can look, otherwise the
 * delivery is repeated with the same idempotency key.
 */
// Over 500 lines and kept whole: submit, delivery claims, the workers and the adviser's queries
// share the same two tables, the sealed-document codec and one redacted error path; split, each
// part would take the connection handling and sealing back from the others.
public final class JdbcSubmissions implements Submissions {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSubmissions.class);
  private static final String SEALED = "sealed:";

  private final SubmissionsConfig config;
  private final AtomicLong claims = new AtomicLong();
  private final Object lifecycle = new Object();
  private CountDownLatch stop;
  private List<Thread> threads = List.of();

  public JdbcSubmissions(SubmissionsConfig config) {
    this.config = config;
  }

  // ---------------------------------------------------------------- submit

  @Override
  public Submission submit(Journey journey, Form form) {
    return submit(journey, form, SubmitOptions.defaults());
  }

  @Override
  public Submission submit(Journey journey, Form form, SubmitOptions options) {
    String journeyId = journey.id().toString();
    Optional<Submission> existing = findByJourney(journeyId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Submission s = Documents.of(journey, form, options, UUID.randomUUID().toString(), config.clock().instant());
    List<String> columns = SubmissionCsv.columns(form);
    List<Destination> destinations = config.destinations().getOrDefault(form.id(), List.of());
    long now = config.clock().millis();
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_submission (id, journey_id, reference,"
            + " form_id, form_version, submitted_ms, csv_columns, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, s.id());
          ps.setString(2, journeyId);
          ps.setString(3, s.reference());
          ps.setString(4, s.formId());
          ps.setInt(5, s.formVersion());
          ps.setLong(6, s.submittedAt().toEpochMilli());
          ps.setString(7, String.join(",", columns));
          ps.setString(8, seal(s.id(), SubmissionJson.write(s)));
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_submission_delivery (submission_id,"
            + " destination, status, attempts, next_attempt_ms, outcome_unknown, created_ms, updated_ms)"
            + " VALUES (?, ?, 'QUEUED', 0, ?, FALSE, ?, ?)")) {
          for (Destination d : destinations) {
            ps.setString(1, s.id());
            ps.setString(2, d.name());
            ps.setLong(3, now);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.addBatch();
          }
          if (!destinations.isEmpty()) {
            ps.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (isUniqueViolation(e)) {
          return findByJourney(journeyId).orElseThrow(() -> new StorageUnavailableException("civickit_submission",
              "read back the submission of " + journey.reference() + ", stored at the same moment by another"
              + " instance and not visible yet (retry)", e));
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_submission", "store the submission of " + journey.reference(), e);
    }
    LOG.info("submitted {} ({} v{}) to {}", s.reference(), s.formId(), s.formVersion(),
        destinations.stream().map(Destination::name).toList());
    return s;
  }

  private static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private Optional<Submission> findByJourney(String journeyId) {
    return queryDocument("journey_id", journeyId).map(Stored::submission);
  }

  @Override
  public Optional<Submission> find(String submissionId) {
    return queryDocument("id", submissionId).map(Stored::submission);
  }

  /** A stored document and its CSV columns. */
  private record Stored(Submission submission, List<String> columns) {}

  private Optional<Stored> queryDocument(String column, String value) {
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, csv_columns, document FROM civickit_submission WHERE "
            + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw dbFailure("read a submission", e);
    }
  }

  private Stored stored(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String columns = rs.getString("csv_columns");
    return new Stored(SubmissionJson.read(unseal(id, rs.getString("document"))),
        columns.isEmpty() ? List.of() : List.of(columns.split(",")));
  }

  private String seal(String id, byte[] json) {
    byte[] sealed = config.keyRing().encrypt(json, id.getBytes(StandardCharsets.UTF_8));
    return SEALED + Base64.getEncoder().encodeToString(sealed);
  }

  private byte[] unseal(String id, String stored) {
    if (!stored.startsWith(SEALED)) {
      throw new UnreadableDataException("submission " + id, "is not sealed as expected");
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
    return config.keyRing().decrypt(sealed, id.getBytes(StandardCharsets.UTF_8));
  }

  private static CivicKitException dbFailure(String what, SQLException e) {
    // Never the driver's message, nor the driver's exception as the cause: PostgreSQL and H2 quote
    // values in it. StorageUnavailableException keeps its class, SQL state and stack trace only.
    return new StorageUnavailableException("civickit_submission", what, e);
  }

  // ---------------------------------------------------------------- delivery

  /** A claimed delivery. */
  private record Claimed(String submissionId, String destination, int attempts, boolean outcomeUnknown,
      String owner) {}

  @Override
  public int runOnce() {
    long claimedAt = config.clock().millis();
    List<Claimed> batch = claim(claimedAt);
    Map<String, Optional<Stored>> documents = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Claimed m = batch.get(i);
      if (config.clock().millis() - claimedAt > config.lease().toMillis() / 2) {
        for (Claimed rest : batch.subList(i, batch.size())) {
          handBack(rest, 0, "half the lease has gone");
        }
        break;
      }
      Optional<Stored> stored = documents.computeIfAbsent(m.submissionId(), this::storedById);
      attempt(m, stored);
    }
    return batch.size();
  }

  private Optional<Stored> storedById(String id) {
    return queryDocument("id", id);
  }

  private List<Claimed> claim(long now) {
    String owner = config.instanceId() + ":" + claims.incrementAndGet();
    List<Claimed> out = new ArrayList<>();
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("SELECT submission_id, destination, status, attempts,"
            + " outcome_unknown FROM civickit_submission_delivery"
            + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
            + " ORDER BY next_attempt_ms FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
          ps.setLong(1, now);
          ps.setLong(2, now);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              boolean wasSending = "SENDING".equals(rs.getString("status"));
              out.add(new Claimed(rs.getString("submission_id"), rs.getString("destination"), rs.getInt("attempts"),
                  wasSending || rs.getBoolean("outcome_unknown"), owner));
            }
          }
        }
        if (!out.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_submission_delivery SET status = 'SENDING',"
              + " lease_owner = ?, lease_until_ms = ?, outcome_unknown = ?, updated_ms = ?"
              + " WHERE submission_id = ? AND destination = ?")) {
            for (Claimed m : out) {
              ps.setString(1, owner);
              ps.setLong(2, now + config.lease().toMillis());
              ps.setBoolean(3, m.outcomeUnknown());
              ps.setLong(4, now);
              ps.setString(5, m.submissionId());
              ps.setString(6, m.destination());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw dbFailure("claim deliveries", e);
    }
    return out;
  }

  private void attempt(Claimed m, Optional<Stored> stored) {
    Optional<Destination> destination = stored.flatMap(s -> config.destinations()
        .getOrDefault(s.submission().formId(), List.of()).stream()
        .filter(d -> d.name().equals(m.destination())).findFirst());
    if (stored.isEmpty() || destination.isEmpty()) {
      LOG.warn("delivery of {} to '{}': this instance has no such destination; handed back for a minute",
          m.submissionId(), m.destination());
      handBack(m, Math.max(config.pollInterval().toMillis(), 60_000),
          "no destination '" + m.destination() + "' on instance " + config.instanceId());
      return;
    }
    Destination d = destination.get();
    Delivery delivery = new Delivery(stored.get().submission(), stored.get().columns(), config.councilName(),
        config.teamLanguage());
    SendResult result;
    if (m.outcomeUnknown() && d.canLookUp()) {
      try {
        Optional<SendResult.Accepted> found = d.lookup(delivery);
        result = found.isPresent() ? found.get() : send(d, delivery);
      } catch (RuntimeException e) {
        result = new SendResult.UnknownOutcome("could not look the delivery up: " + e.getClass().getSimpleName());
      }
    } else {
      result = send(d, delivery);
    }
    Decision decision = Decision.after(result, m.attempts(), config.maxAttempts(), config.backoff(), config.random(),
        config.clock().millis());
    record(m, decision);
    if (decision.status() == DeliveryStatus.DELIVERED) {
      LOG.info("delivered {} to '{}'", delivery, m.destination());
    } else if (decision.status() == DeliveryStatus.FAILED) {
      LOG.warn("dead-lettered {} to '{}': {}", delivery, m.destination(), decision.error().orElse(""));
    } else {
      LOG.info("{} to '{}' will be retried: {}", delivery, m.destination(), decision.error().orElse(""));
    }
  }

  /** One attempt; a destination that throws (a bug) is a retryable failure, never a dead worker. */
  private static SendResult send(Destination d, Delivery delivery) {
    try {
      SendResult r = d.deliver(delivery);
      return r != null ? r : new SendResult.RetryableFailure("destination '" + d.name() + "' returned no result");
    } catch (RuntimeException e) {
      LOG.warn("destination '{}' threw {} for {}", d.name(), e.getClass().getName(), delivery);
      return new SendResult.RetryableFailure("destination threw " + e.getClass().getName());
    }
  }

  private void record(Claimed m, Decision d) {
    update(m, "status = ?, attempts = ?, next_attempt_ms = ?, outcome_unknown = ?, receipt = ?, last_error = ?,"
        + " lease_owner = NULL, lease_until_ms = NULL, updated_ms = ?", d.status().name(), d.attempts(),
        d.nextAttemptMs(), d.outcomeUnknown(), d.receipt().orElse(null), d.error().map(JdbcSubmissions::truncate)
            .orElse(null), config.clock().millis());
  }

  /** Gives a claimed delivery back to the queue, due after {@code delayMs}, without using up an attempt. */
  private void handBack(Claimed m, long delayMs, String why) {
    long now = config.clock().millis();
    update(m, "status = 'QUEUED', next_attempt_ms = ?, lease_owner = NULL, lease_until_ms = NULL, updated_ms = ?",
        now + delayMs, now);
    LOG.debug("handed back {} to '{}': {}", m.submissionId(), m.destination(), why);
  }

  private void update(Claimed m, String set, Object... values) {
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE civickit_submission_delivery SET " + set
            + " WHERE submission_id = ? AND destination = ? AND lease_owner = ? AND status = 'SENDING'")) {
      int i = 1;
      for (Object v : values) {
        ps.setObject(i++, v);
      }
      ps.setString(i++, m.submissionId());
      ps.setString(i++, m.destination());
      ps.setString(i, m.owner());
      if (ps.executeUpdate() == 0) {
        LOG.debug("{} to '{}': the claim had lost its lease, so its outcome was not written", m.submissionId(),
            m.destination());
      }
    } catch (SQLException e) {
      throw dbFailure("record a delivery", e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }

  // ---------------------------------------------------------------- workers

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (stop != null) {
        throw new IllegalStateException("the delivery workers of " + config.instanceId() + " are running already");
      }
      CountDownLatch latch = new CountDownLatch(1);
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < config.workers(); i++) {
        Thread t = new Thread(() -> work(latch), "civickit-submit-" + config.instanceId() + "-" + i);
        t.setDaemon(true);
        started.add(t);
        t.start();
      }
      stop = latch;
      threads = started;
    }
  }

  private void work(CountDownLatch latch) {
    while (latch.getCount() > 0) {
      int claimed = 0;
      try {
        claimed = runOnce();
      } catch (RuntimeException e) {
        LOG.warn("a delivery worker failed a round: {}", e.getMessage());
      }
      if (claimed == 0) {
        try {
          if (latch.await(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    List<Thread> running;
    synchronized (lifecycle) {
      if (stop == null) {
        return;
      }
      stop.countDown();
      stop = null;
      running = threads;
      threads = List.of();
    }
    try {
      for (Thread t : running) {
        t.join(config.lease().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- queries and actions

  private static final String STATE = "SELECT d.submission_id, s.reference, s.form_id, d.destination, d.status,"
      + " d.attempts, d.next_attempt_ms, d.receipt, d.last_error, d.updated_ms FROM civickit_submission_delivery d"
      + " JOIN civickit_submission s ON s.id = d.submission_id";

  private List<DeliveryState> states(String where, String... params) {
    List<DeliveryState> out = new ArrayList<>();
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(STATE + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DeliveryState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              DeliveryStatus.valueOf(rs.getString(5)), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)),
              Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
              Instant.ofEpochMilli(rs.getLong(10))));
        }
      }
    } catch (SQLException e) {
      throw dbFailure("read deliveries", e);
    }
    return out;
  }

  @Override
  public List<DeliveryState> deliveries(String submissionId) {
    return states(" WHERE d.submission_id = ? ORDER BY d.destination", submissionId);
  }

  @Override
  public List<DeliveryState> deadLetters() {
    return states(" WHERE d.status = 'FAILED' ORDER BY d.updated_ms, d.submission_id FETCH FIRST 1000 ROWS ONLY");
  }

  @Override
  public boolean sendAgain(String submissionId, String destination) {
    long now = config.clock().millis();
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE civickit_submission_delivery SET status = 'QUEUED',"
            + " attempts = 0, next_attempt_ms = ?, updated_ms = ? WHERE submission_id = ? AND destination = ?"
            + " AND status = 'FAILED'")) {
      ps.setLong(1, now);
      ps.setLong(2, now);
      ps.setString(3, submissionId);
      ps.setString(4, destination);
      boolean queued = ps.executeUpdate() == 1;
      if (queued) {
        LOG.info("{} to '{}' queued again by request", submissionId, destination);
      }
      return queued;
    } catch (SQLException e) {
      throw dbFailure("queue a delivery again", e);
    }
  }

  @Override
  public Map<DeliveryStatus, Long> counts() {
    Map<DeliveryStatus, Long> out = zeroes();
    countsByDestination().values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }

  private static Map<DeliveryStatus, Long> zeroes() {
    Map<DeliveryStatus, Long> out = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus s : DeliveryStatus.values()) {
      out.put(s, 0L);
    }
    return out;
  }

  @Override
  public Map<String, Map<DeliveryStatus, Long>> countsByDestination() {
    Map<String, Map<DeliveryStatus, Long>> out = new TreeMap<>();
    config.destinations().values().forEach(list -> list.forEach(d -> out.computeIfAbsent(d.name(), k -> zeroes())));
    try (Connection c = config.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT destination, status, COUNT(*) FROM civickit_submission_delivery"
            + " GROUP BY destination, status")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> zeroes()).put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3));
      }
    } catch (SQLException e) {
      throw dbFailure("count deliveries", e);
    }
    return out;
  }

  @Override
  public String csvBatch(String formId, int formVersion, Instant from, Instant to) {
    List<Submission> found = new ArrayList<>();
    List<String> columns = null;
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, csv_columns, document FROM civickit_submission"
            + " WHERE form_id = ? AND form_version = ? AND submitted_ms >= ? AND submitted_ms < ?"
            + " ORDER BY submitted_ms, id")) {
      ps.setString(1, formId);
      ps.setInt(2, formVersion);
      ps.setLong(3, from.toEpochMilli());
      ps.setLong(4, to.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Stored s = stored(rs);
          columns = s.columns();
          found.add(s.submission());
        }
      }
    } catch (SQLException e) {
      throw dbFailure("read submissions for a CSV batch", e);
    }
    return SubmissionCsv.batch(columns == null ? List.of() : columns, found, config.teamLanguage());
  }

  @Override
  public boolean sendsApplicantCopies() {
    return config.notifier().isPresent() && config.copyTemplateId().isPresent();
  }

  @Override
  public int purgeDeliveredBefore(Instant cutoff) {
    String old = "SELECT s.id FROM civickit_submission s WHERE s.submitted_ms < ? AND NOT EXISTS (SELECT 1 FROM"
        + " civickit_submission_delivery d WHERE d.submission_id = s.id AND d.status <> 'DELIVERED')";
    try (Connection c = config.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement deliveries = c.prepareStatement("DELETE FROM civickit_submission_delivery"
              + " WHERE submission_id IN (" + old + ")");
          PreparedStatement documents = c.prepareStatement("DELETE FROM civickit_submission WHERE id IN (" + old
              + ")")) {
        deliveries.setLong(1, cutoff.toEpochMilli());
        deliveries.executeUpdate();
        documents.setLong(1, cutoff.toEpochMilli());
        int n = documents.executeUpdate();
        c.commit();
        return n;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw dbFailure("purge old submissions", e);
    }
  }

  @Override
  public NotificationId sendCopyToApplicant(String submissionId, String emailAddress) {
    if (config.notifier().isEmpty()) {
      throw new IllegalStateException("no notifier for applicant copies: call Submissions.builder().applicantCopies(...)");
    }
    Submission s = find(submissionId).orElseThrow(() -> new NoSuchElementException("no submission " + submissionId));
    Locale l = s.language();
    List<String> lines = new ArrayList<>();
    for (SubmittedAnswer a : s.answers()) {
      lines.add(a.label().in(l) + ": " + a.formatted(l).replace("\n", ", "));
    }
    Map<String, Object> personalisation = Map.of("reference", s.reference(), "service", s.formTitle().in(l),
        "answers", List.copyOf(lines));
    return config.notifier().get().send(new NotificationRequest(config.copyTemplateId().orElseThrow(),
        new Recipient.Email(emailAddress), personalisation, "submission-copy:" + s.id(), l));
  }

  @Override
  public String toString() {
    return "JdbcSubmissions[" + config.instanceId() + ", forms=" + config.destinations().keySet() + "]";
  }
}
