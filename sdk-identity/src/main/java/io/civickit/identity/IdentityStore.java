package io.civickit.identity;

import io.civickit.identity.internal.InMemoryIdentityStore;
import io.civickit.identity.internal.JdbcIdentityStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the checks keep what must hold across app instances: passcode hashes and wrong-try
 * counts, lockouts, record-matching attempts, used TOTP time steps and logout token ids.
 *
 * <p>Each entry is a short text under a kind and a key, with a version for optimistic
 * concurrency and an expiry after which it may be purged. Keys are keyed hashes of the contact,
 * reference or subject, never the value itself, so the store holds no personal data. Callers
 * read an entry, compute the next state and write it back only if nobody changed it in between
 * ({@link #compareAndSet}); two instances racing on one contact therefore never both win.
 *
 * <p>Use {@link #inMemory()} for a single instance and {@link #jdbc(DataSource)} (H2 or
 * PostgreSQL, schema {@code identity}) when several instances share the limits.
 */
public interface IdentityStore {

  /**
   * One stored entry.
   *
   * @param value the state, as written
   * @param version its version: 1 after the first write, one more after each
   * @param expiresAt when it may be forgotten
   */
  record Entry(String value, long version, Instant expiresAt) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code value} or {@code expiresAt} is null
     * @throws IllegalArgumentException if {@code version} is less than 1
     */
    public Entry {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(expiresAt, "expiresAt");
      if (version < 1) {
        throw new IllegalArgumentException("a stored entry's version is at least 1, but was " + version);
      }
    }
  }

  /** The entry under this kind and key, expired or not. */
  Optional<Entry> find(String kind, String key);

  /**
   * Writes an entry if its version is still {@code expectedVersion} (0: if there is none yet).
   *
   * @return true if written; false if another writer got there first (read again and retry)
   */
  boolean compareAndSet(String kind, String key, long expectedVersion, String value, Instant expiresAt);

  /** Removes the entries that expired before {@code now}; returns how many. */
  int purgeExpired(Instant now);

  /** Entries kept in this JVM only: limits hold for one instance and are lost on restart. */
  static IdentityStore inMemory() {
    return new InMemoryIdentityStore();
  }

  /**
   * Entries kept in a database shared by every instance (H2 or PostgreSQL). The table comes from
   * {@code META-INF/civickit/sql/<dialect>/identity.sql}; install it with
   * {@code io.civickit.core.progress.Schema.install(dataSource, Schema.Part.IDENTITY)} or your own migrations.
   */
  static IdentityStore jdbc(DataSource dataSource) {
    return new JdbcIdentityStore(dataSource);
  }
}
