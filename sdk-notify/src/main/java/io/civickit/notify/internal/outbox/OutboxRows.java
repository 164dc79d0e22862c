package io.civickit.notify.internal.outbox;

import io.civickit.core.StorageUnavailableException;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.outbox.OutboxMessage;
import io.civickit.notify.outbox.OutboxStatus;
import io.civickit.notify.outbox.StatusChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outbox's SQL, one code path for H2 and PostgreSQL (PostgreSQL gets a one-statement form of
 * the claim and of the outcomes' write): inserting, claiming, writing outcomes under the lease,
 * and the read and delivery-receipt queries. It decides nothing: {@link DeliveryPolicy} decides,
 * {@link JdbcOutbox} turns a decision into an {@link Outcome}, and this writes it. The
 * transactions are the caller's, except for the read queries and {@link #markDelivered}.
 */
final class OutboxRows {
  private static final String COLUMNS = "id, idempotency_key, template_id, language, recipients, recipient_index,"
      + " personalisation, status, attempts, next_attempt_ms, outcome_unknown, channel, provider_id, last_error";

  private final OutboxConfig config;
  private final OutboxColumnCipher cipher;

  OutboxRows(OutboxConfig config, OutboxColumnCipher cipher) {
    this.config = config;
    this.cipher = cipher;
  }

  /** A claimed row. */
  record Claimed(String id, String key, String templateId, Locale language, List<Recipient> recipients,
      int recipientIndex, Map<String, Object> personalisation, int attempts, boolean outcomeUnknown, String lease) {}

  /**
   * What one attempt at a claimed message came to, not yet written: the columns to set, and the
   * status change to report once they are. Outcomes are written together, each guarded by the
   * claim's lease; {@code set} is one of a few constant clauses, so a batch's outcomes go out as
   * one statement (PostgreSQL) or one JDBC batch per clause.
   *
   * @param whenStored what to log once the row is written
   * @param whenLost what to log if the claim had lost its lease and the row was left alone
   */
  record Outcome(Claimed message, String set, Object[] values, StatusChange change, Runnable whenStored,
      Runnable whenLost) implements JdbcOutbox.Step {}

  /** Inserts a new {@code QUEUED} message, its recipients and personalisation sealed; a duplicate key throws. */
  void insert(Connection c, String id, NotificationRequest request, List<Recipient> recipients, long now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_outbox (id, idempotency_key, template_id,"
        + " language, recipients, recipient_index, personalisation, status, attempts, next_attempt_ms,"
        + " outcome_unknown, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, 0, ?, 'QUEUED', 0, ?, FALSE, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, request.idempotencyKey());
      ps.setString(3, request.templateId());
      ps.setString(4, request.language().toLanguageTag());
      ps.setString(5, cipher.seal(id, Codec.recipients(recipients)));
      ps.setString(6, cipher.seal(id, Codec.personalisation(request.personalisation())));
      ps.setLong(7, now);
      ps.setLong(8, now);
      ps.setLong(9, now);
      ps.executeUpdate();
    }
  }

  static Optional<String> idForKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM civickit_outbox WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes outcomes inside the caller's transaction, each row guarded by its claim's lease: one
   * statement per distinct {@code SET} clause on PostgreSQL, one JDBC batch per clause elsewhere.
   *
   * @return for each outcome, whether its row was written (false: the claim had lost its lease)
   */
  boolean[] write(Connection c, List<Outcome> outcomes) throws SQLException {
    return isPostgres(c) ? writeInOneStatement(c, outcomes) : writeEach(c, outcomes);
  }

  /**
   * Selects and leases up to a batch of due messages inside the caller's transaction, marking
   * them {@code SENDING}; adds to {@code wasSending} whether each was reclaimed after its lease ran out.
   */
  List<Claimed> claim(Connection c, String lease, long now, List<Boolean> wasSending) throws SQLException {
    return isPostgres(c) ? claimInOneStatement(c, lease, now, wasSending) : claimEach(c, lease, now, wasSending);
  }

  /** The outcomes' indexes grouped by their {@code SET} clause, in the order each clause first appears. */
  private static Map<String, List<Integer>> bySet(List<Outcome> outcomes) {
    Map<String, List<Integer>> bySet = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      bySet.computeIfAbsent(outcomes.get(i).set(), s -> new ArrayList<>()).add(i);
    }
    return bySet;
  }

  /** {@link #write} elsewhere than PostgreSQL: one JDBC batch per distinct {@code SET} clause. */
  private static boolean[] writeEach(Connection c, List<Outcome> outcomes) throws SQLException {
    boolean[] stored = new boolean[outcomes.size()];
    for (Map.Entry<String, List<Integer>> e : bySet(outcomes).entrySet()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox SET " + e.getKey()
          + " WHERE id = ? AND lease_owner = ? AND status = 'SENDING'")) {
        for (int index : e.getValue()) {
          Outcome o = outcomes.get(index);
          int p = 1;
          for (Object v : o.values()) {
            ps.setObject(p++, v);
          }
          ps.setString(p++, o.message().id());
          ps.setString(p, o.message().lease());
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int j = 0; j < counts.length; j++) {
          // H2 and PostgreSQL report each row count; a driver that cannot is taken at its word.
          stored[e.getValue().get(j)] = counts[j] == 1 || counts[j] == Statement.SUCCESS_NO_INFO;
        }
      }
    }
    return stored;
  }

  /** Whether the database is PostgreSQL, from the first connection's metadata (the driver knows it). */
  private volatile @Nullable Boolean postgres;

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      postgres = known;
    }
    return known;
  }

  /** The PostgreSQL array type of each kind of value an outcome's {@code SET} clause takes. */
  private static String arrayType(@Nullable Object value) {
    if (value instanceof Long) {
      return "int8";
    }
    if (value instanceof Integer) {
      return "int4";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return "varchar";
  }

  /**
   * {@link #write} on PostgreSQL: one {@code UPDATE ... FROM unnest(...)} per distinct
   * {@code SET} clause, whose parameters are arrays with one element per outcome; the rows it
   * returns are those whose claim still held the lease. Same guard, same rows written, one
   * statement instead of one per message.
   */
  private static boolean[] writeInOneStatement(Connection c, List<Outcome> outcomes) throws SQLException {
    boolean[] stored = new boolean[outcomes.size()];
    for (Map.Entry<String, List<Integer>> e : bySet(outcomes).entrySet()) {
      List<Integer> indexes = e.getValue();
      int width = outcomes.get(indexes.get(0)).values().length;
      Object[][] columns = new Object[width + 2][indexes.size()];
      for (int row = 0; row < indexes.size(); row++) {
        Outcome o = outcomes.get(indexes.get(row));
        columns[0][row] = o.message().id();
        columns[1][row] = o.message().lease();
        for (int k = 0; k < width; k++) {
          columns[k + 2][row] = o.values()[k];
        }
      }
      String[] types = new String[width + 2];
      StringBuilder from = new StringBuilder(" FROM unnest(");
      StringBuilder names = new StringBuilder("v(id, lease");
      for (int k = 0; k < width + 2; k++) {
        String type = "varchar";
        for (Object v : columns[k]) {
          if (v != null) {
            type = arrayType(v);
            break;
          }
        }
        types[k] = type;
        from.append(k == 0 ? "" : ", ").append("?::").append(type).append("[]");
        if (k >= 2) {
          names.append(", p").append(k - 2);
        }
      }
      StringBuilder set = new StringBuilder();
      String clause = e.getKey();
      int k = 0;
      for (int i = 0; i < clause.length(); i++) {
        char ch = clause.charAt(i);
        if (ch == '?') {
          set.append("v.p").append(k++);
        } else {
          set.append(ch);
        }
      }
      String sql = "UPDATE civickit_outbox AS o SET " + set + from + ") AS " + names + ")"
          + " WHERE o.id = v.id AND o.lease_owner = v.lease AND o.status = 'SENDING' RETURNING o.id";
      Map<String, Integer> rowOf = new HashMap<>();
      for (int row = 0; row < indexes.size(); row++) {
        rowOf.put((String) columns[0][row], indexes.get(row));
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int col = 0; col < columns.length; col++) {
          ps.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Integer index = rowOf.get(rs.getString(1));
            if (index != null) {
              stored[index] = true;
            }
          }
        }
      }
    }
    return stored;
  }

  /**
   * {@link #claim} on PostgreSQL in one statement: an {@code UPDATE} of the rows a
   * {@code SELECT ... FOR UPDATE SKIP LOCKED} picks, returning them with the status each had
   * before (a {@code SENDING} one was reclaimed after its lease ran out). The same rows, in the
   * same order, leased the same way.
   */
  private List<Claimed> claimInOneStatement(Connection c, String lease, long now, List<Boolean> wasSending)
      throws SQLException {
    record Row(Claimed claimed, boolean reclaimed, long due, long seq) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox AS o SET status = 'SENDING',"
        + " lease_owner = ?, lease_until_ms = ?, attempts = o.attempts + 1,"
        + " outcome_unknown = o.outcome_unknown OR o.status = 'SENDING', updated_ms = ?"
        + " FROM (SELECT id, status AS was FROM civickit_outbox"
        + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
        + " ORDER BY next_attempt_ms, seq FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED)"
        + " AS picked WHERE o.id = picked.id RETURNING o.id, o.idempotency_key, o.template_id, o.language,"
        + " o.recipients, o.recipient_index, o.personalisation, picked.was, o.attempts, o.next_attempt_ms,"
        + " o.outcome_unknown, o.seq")) {
      ps.setString(1, lease);
      ps.setLong(2, now + config.lease().toMillis());
      ps.setLong(3, now);
      ps.setLong(4, now);
      ps.setLong(5, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean reclaimed = "SENDING".equals(rs.getString(8));
          rows.add(new Row(claimed(rs, rs.getInt(9), rs.getBoolean(11), lease), reclaimed, rs.getLong(10),
              rs.getLong(12)));
        }
      }
    }
    // RETURNING keeps no order: back into the order picked, due time then the order queued in.
    rows.sort(Comparator.comparingLong(Row::due).thenComparingLong(Row::seq));
    List<Claimed> batch = new ArrayList<>(rows.size());
    for (Row r : rows) {
      batch.add(r.claimed());
      wasSending.add(r.reclaimed());
    }
    return batch;
  }

  /** A claimed row from the first seven columns of either claim (id to personalisation), unsealed. */
  private Claimed claimed(ResultSet rs, int attempts, boolean outcomeUnknown, String lease) throws SQLException {
    String id = rs.getString(1);
    return new Claimed(id, rs.getString(2), rs.getString(3), Locale.forLanguageTag(rs.getString(4)),
        Codec.recipients(cipher.unseal(id, rs.getString(5))), rs.getInt(6),
        Codec.personalisation(cipher.unseal(id, rs.getString(7))), attempts, outcomeUnknown, lease);
  }

  /** {@link #claim} elsewhere than PostgreSQL: a select, then one JDBC batch of updates. */
  private List<Claimed> claimEach(Connection c, String lease, long now, List<Boolean> wasSending) throws SQLException {
    List<Claimed> batch = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM civickit_outbox"
        + " WHERE (status = 'QUEUED' AND next_attempt_ms <= ?) OR (status = 'SENDING' AND lease_until_ms <= ?)"
        + " ORDER BY next_attempt_ms, seq FETCH FIRST " + config.batchSize() + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
      ps.setLong(1, now);
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean reclaimed = "SENDING".equals(rs.getString(8));
          wasSending.add(reclaimed);
          batch.add(claimed(rs, rs.getInt(9) + 1, rs.getBoolean(11) || reclaimed, lease));
        }
      }
    }
    if (!batch.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_outbox SET status = 'SENDING',"
          + " lease_owner = ?, lease_until_ms = ?, attempts = ?, outcome_unknown = ?, updated_ms = ? WHERE id = ?")) {
        for (Claimed m : batch) {
          ps.setString(1, lease);
          ps.setLong(2, now + config.lease().toMillis());
          ps.setInt(3, m.attempts());
          ps.setBoolean(4, m.outcomeUnknown());
          ps.setLong(5, now);
          ps.setString(6, m.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return batch;
  }

  /** The message whose {@code column} (id or idempotency key) is {@code value}. */
  Optional<OutboxMessage> find(String column, String value) {
    try (Connection c = config.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM civickit_outbox WHERE " + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        List<Recipient> recipients = Codec.recipients(cipher.unseal(rs.getString("id"), rs.getString("recipients")));
        return Optional.of(new OutboxMessage(new NotificationId(rs.getString("id")), rs.getString("idempotency_key"),
            rs.getString("template_id"), recipients.get(rs.getInt("recipient_index")),
            OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
            Instant.ofEpochMilli(rs.getLong("next_attempt_ms")), Optional.ofNullable(rs.getString("channel")),
            Optional.ofNullable(rs.getString("provider_id")), Optional.ofNullable(rs.getString("last_error"))));
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "read the outbox", e);
    }
  }

  /**
   * Marks a {@code SENT} message {@code DELIVERED}.
   *
   * @return the status change to report, or empty if the message was not {@code SENT}
   */
  Optional<StatusChange> markDelivered(NotificationId id, long now) throws SQLException {
    try (Connection c = config.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE civickit_outbox SET status = 'DELIVERED', updated_ms = ? WHERE id = ? AND status = 'SENT'")) {
        ps.setLong(1, now);
        ps.setString(2, id.value());
        if (ps.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, channel, provider_id FROM civickit_outbox"
          + " WHERE id = ?")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Optional.of(new StatusChange(id, rs.getString(1), Optional.of(OutboxStatus.SENT), OutboxStatus.DELIVERED,
              Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)), Optional.empty(),
              Instant.ofEpochMilli(now)));
        }
      }
    }
  }

  /** How many messages are in each status. */
  Map<OutboxStatus, Long> counts() {
    Map<OutboxStatus, Long> out = new EnumMap<>(OutboxStatus.class);
    for (OutboxStatus s : OutboxStatus.values()) {
      out.put(s, 0L);
    }
    try (Connection c = config.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM civickit_outbox GROUP BY status")) {
      while (rs.next()) {
        out.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_outbox", "read the outbox", e);
    }
    return out;
  }
}
