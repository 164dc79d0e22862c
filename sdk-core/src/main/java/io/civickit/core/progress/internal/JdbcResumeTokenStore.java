package io.civickit.core.progress.internal;

import io.civickit.core.JourneyId;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.progress.ResumeTokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** Resume tokens in {@code civickit_resume_tokens}; superseding and issuing happen in one transaction. */
public final class JdbcResumeTokenStore implements ResumeTokenStore {
  private final DataSource dataSource;

  public JdbcResumeTokenStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void issue(TokenRecord token) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_resume_tokens SET state = 'SUPERSEDED'"
            + " WHERE journey_id = ? AND purpose = ? AND state = 'ACTIVE'")) {
          ps.setString(1, token.journeyId().value());
          ps.setString(2, token.purpose());
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO civickit_resume_tokens"
            + " (token_hash, journey_id, purpose, issued_at, expires_at, state) VALUES (?,?,?,?,?,?)")) {
          ps.setString(1, token.hash());
          ps.setString(2, token.journeyId().value());
          ps.setString(3, token.purpose());
          ps.setObject(4, OffsetDateTime.ofInstant(token.issuedAt(), ZoneOffset.UTC));
          ps.setObject(5, OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC));
          ps.setString(6, token.state().name());
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
      // Two tokens issued at once for one journey each superseded what they could see, not each
      // other, and both stay active. Once committed, an active token with a newer active one
      // beside it (by time, then hash) is superseded: the last issuer to get here sees them all,
      // so exactly one stays active. One at a time, the statement above already left one.
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_resume_tokens t SET state = 'SUPERSEDED'"
          + " WHERE t.journey_id = ? AND t.purpose = ? AND t.state = 'ACTIVE' AND EXISTS (SELECT 1"
          + " FROM civickit_resume_tokens n WHERE n.journey_id = t.journey_id AND n.purpose = t.purpose"
          + " AND n.state = 'ACTIVE'"
          + " AND (n.issued_at > t.issued_at OR (n.issued_at = t.issued_at AND n.token_hash > t.token_hash)))")) {
        ps.setString(1, token.journeyId().value());
        ps.setString(2, token.purpose());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_resume_tokens", "issue a resume token for journey " + token.journeyId(), e);
    }
  }

  @Override
  public Optional<TokenRecord> find(String hash) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT token_hash, journey_id, purpose, issued_at, expires_at, state FROM civickit_resume_tokens"
            + " WHERE token_hash = ?")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new TokenRecord(rs.getString(1), new JourneyId(rs.getString(2)), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
            State.valueOf(rs.getString(6).strip())));
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_resume_tokens", "look up a resume token", e);
    }
  }

  @Override
  public int revokeAll(JourneyId journeyId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE civickit_resume_tokens SET state = 'REVOKED' WHERE journey_id = ? AND state = 'ACTIVE'")) {
      ps.setString(1, journeyId.value());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailableException("civickit_resume_tokens", "revoke resume tokens of journey " + journeyId, e);
    }
  }
}
