package io.civickit.core.handoff;

import io.civickit.core.Actor;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.KeyRing;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A call-back request queue for the contact centre, in the {@code civickit_callback_requests}
 * table (H2 or PostgreSQL; apply {@code Schema.install(ds, Schema.Part.CORE, Schema.Part.HANDOFF)}). Its
 * {@link #channel()} takes handoffs from people who gave a phone number and promises a call by
 * a time worked out from the contact centre's opening hours; advisers on any number of app
 * instances take requests with {@link #claimNext}, which uses {@code FOR UPDATE SKIP LOCKED} so
 * two advisers never get the same call.
 *
 * <p>The context package (phone number, answers) is encrypted at rest with the key ring
 * (AES-GCM, the handoff id as associated data).
 *
 * <pre>{@code
 * CallbackQueue callbacks = CallbackQueue.builder(dataSource, keyRing)
 *     .hours(contactCentreHours).responseTime(Duration.ofHours(2)).clock(clock).build();
 * router.channel(callbacks.channel());   // always open: out of hours it promises a call when lines open
 * Optional<CallbackQueue.CallbackRequest> next = callbacks.claimNext(Actor.adviser("jsmith"));
 * }</pre>
 */
public final class CallbackQueue {

  /**
   * One call-back request as an adviser sees it.
   *
   * @param handoffId the handoff it belongs to
   * @param context the context package, with the number to call
   * @param callBy when the person was promised a call
   * @param requestedAt when they asked
   */
  public record CallbackRequest(HandoffId handoffId, HandoffRequest context, Instant callBy, Instant requestedAt) {
    /** Checks the fields. */
    public CallbackRequest {
      Objects.requireNonNull(handoffId, "handoffId");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(callBy, "callBy");
      Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The number to call. */
    public String phoneNumber() {
      return context.contact().flatMap(ContactPreference::detail).orElseThrow();
    }

    @Override
    public String toString() {
      return "CallbackRequest[" + handoffId + ", callBy=" + callBy + "]";
    }
  }

  private final String name;
  private final String queue;
  private final DataSource dataSource;
  private final KeyRing keys;
  private final OpeningHours hours;
  private final Duration responseTime;
  private final Clock clock;

  private CallbackQueue(Builder b) {
    this.name = b.name;
    this.queue = b.queue;
    this.dataSource = b.dataSource;
    this.keys = b.keys;
    this.hours = b.hours;
    this.responseTime = b.responseTime;
    this.clock = b.clock;
  }

  /** Starts configuring a queue in this database, encrypting with this key ring. */
  public static Builder builder(DataSource dataSource, KeyRing keys) {
    return new Builder(dataSource, keys);
  }

  private static byte[] aad(HandoffId id) {
    return io.civickit.core.handoff.internal.CallbackAad.of(id);
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** The handoff channel that puts requests on this queue. */
  public HandoffChannel channel() {
    return new HandoffChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public HandoffResult handOff(HandoffRequest request) {
        return enqueue(request);
      }
    };
  }

  private HandoffResult enqueue(HandoffRequest request) {
    Optional<ContactPreference> contact = request.contact();
    if (contact.isEmpty() || (contact.get().method() != ContactPreference.Method.PHONE
        && contact.get().method() != ContactPreference.Method.TEXT_MESSAGE)) {
      return new HandoffResult.Failed(name, "the person gave no phone number to call back on");
    }
    Instant now = clock.instant();
    Optional<Instant> callBy = hours.addOpenTime(now, responseTime);
    if (callBy.isEmpty()) {
      return new HandoffResult.Closed(name, "the contact centre has no opening hours ahead", Optional.empty());
    }
    byte[] sealed = keys.encrypt(request.toJson().getBytes(StandardCharsets.UTF_8), aad(request.handoffId()));
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO civickit_callback_requests (handoff_id, queue, status, call_by, requested_at, context)"
            + " VALUES (?,?,'WAITING',?,?,?)")) {
      ps.setString(1, request.handoffId().value());
      ps.setString(2, queue);
      ps.setObject(3, utc(callBy.get()));
      ps.setObject(4, utc(now));
      ps.setBytes(5, sealed);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        return new HandoffResult.Failed(name, "could not queue the call-back: " + e.getSQLState());
      }
      // The same handoff twice: it is already queued.
    }
    String message = "An adviser will call you back on the number you gave "
        + OpeningHours.describe(callBy.get(), hours.zone()) + ". Have your reference " + request.reference().value()
        + " ready. Your answers are saved.";
    return new HandoffResult.Accepted(name, message, callBy, Optional.empty(), Optional.empty());
  }

  /**
   * Gives the next waiting call-back (the earliest promised first) to an adviser. Any number
   * of advisers on any number of app instances may call this at once: each request goes to one.
   */
  public Optional<CallbackRequest> claimNext(Actor agent) {
    Objects.requireNonNull(agent, "agent");
    if (agent.kind() != Actor.Kind.ADVISER) {
      throw new IllegalArgumentException("only an adviser can take a call-back, but the actor was " + agent);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<CallbackRequest> out = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT handoff_id, call_by, requested_at, context"
            + " FROM civickit_callback_requests WHERE queue = ? AND status = 'WAITING'"
            + " ORDER BY call_by, handoff_id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
          ps.setString(1, queue);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              HandoffId id = new HandoffId(rs.getString(1));
              byte[] plain = keys.decrypt(rs.getBytes(4), aad(id));
              out = Optional.of(new CallbackRequest(id, HandoffRequest.fromJson(new String(plain, StandardCharsets.UTF_8)),
                  rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
          }
        }
        if (out.isPresent()) {
          try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_callback_requests SET status = 'CLAIMED',"
              + " claimed_by = ?, claimed_at = ? WHERE handoff_id = ?")) {
            ps.setString(1, agent.id().orElseThrow());
            ps.setObject(2, utc(clock.instant()));
            ps.setString(3, out.get().handoffId().value());
            ps.executeUpdate();
          }
        }
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_callback_requests", "claim a call-back", e);
    }
  }

  /** Marks a claimed call-back done; true if it was claimed. */
  public boolean complete(HandoffId id) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_callback_requests SET status = 'DONE' WHERE handoff_id = ? AND status = 'CLAIMED'")) {
      ps.setString(1, id.value());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_callback_requests", "complete call-back " + id, e);
    }
  }

  /** How many call-backs are waiting on this queue. */
  public int waiting() {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM civickit_callback_requests WHERE queue = ? AND status = 'WAITING'")) {
      ps.setString(1, queue);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_callback_requests", "count call-backs", e);
    }
  }

  /** Configures a {@link CallbackQueue}. */
  public static final class Builder {
    private final DataSource dataSource;
    private final KeyRing keys;
    private String name = "callback";
    private String queue = "default";
    private OpeningHours hours = OpeningHours.always();
    private Duration responseTime = Duration.ofHours(4);
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource, KeyRing keys) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The channel's name in routes and events (default {@code callback}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The queue's name, when one table holds several teams' queues (default {@code default}). */
    public Builder queue(String queue) {
      if (queue == null || !queue.matches("[a-z0-9-]{1,63}")) {
        throw new IllegalArgumentException("a queue name is 1 to 63 lower-case letters, digits and hyphens, but was \""
            + queue + "\"");
      }
      this.queue = queue;
      return this;
    }

    /** The contact centre's opening hours, for the promised call-back time (default: always open). */
    public Builder hours(OpeningHours hours) {
      this.hours = Objects.requireNonNull(hours, "hours");
      return this;
    }

    /** How much open time the contact centre takes to call back (default 4 hours). */
    public Builder responseTime(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("responseTime must be positive, but was " + d);
      }
      this.responseTime = d;
      return this;
    }

    /** The clock (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the queue. */
    public CallbackQueue build() {
      return new CallbackQueue(this);
    }
  }
}
