package io.civickit.core;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * A store (a database table, a folder) could not do what was asked: the database is down, a
 * table is missing, a statement was refused. Catch it to answer "try again later" or to alert;
 * {@link #store()} and {@link #operation()} say which store failed at what.
 *
 * <p>The message names the store, the operation and the SQL state, never the database driver's
 * own message: PostgreSQL and H2 quote the values of a failed statement there
 * ({@code Key (email)=(jane@example.org) already exists}), and those can be personal data. For
 * the same reason the {@link #getCause() cause} is a stand-in made by {@link Failures#redacted}:
 * the original failure's class name, SQL state and stack trace, without its message.
 *
 * <pre>{@code
 * } catch (StorageUnavailableException e) {
 *   LOG.warn("{} failed at {} (SQL state {})", e.store(), e.operation(), e.sqlState().orElse("none"));
 * }
 * }</pre>
 */
public class StorageUnavailableException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final String store;
  private final String operation;
  private final String sqlState;

  /**
   * Creates the exception for a failed operation on a store.
   *
   * @param store the store, as a host would name it in an alert: usually its table, such as
   *     {@code civickit_handoffs}
   * @param operation what it was asked to do, as a verb phrase: {@code "save handoff 7f…"}; it
   *     may name an id, never a stored value
   * @param cause the failure; only its class name, SQL state and stack trace are kept
   */
  public StorageUnavailableException(String store, String operation, Throwable cause) {
    super(message(store, operation, sqlState(cause)), Failures.redacted(Objects.requireNonNull(cause, "cause")));
    this.store = store;
    this.operation = operation;
    this.sqlState = sqlState(cause);
  }

  private static String message(String store, String operation, String sqlState) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(operation, "operation");
    return store + " could not " + operation + (sqlState == null ? "" : " (SQL state " + sqlState + ")");
  }

  private static String sqlState(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return null;
  }

  /** The store that failed, such as {@code civickit_handoffs}. */
  public String store() {
    return store;
  }

  /** What the store was asked to do, such as {@code "save handoff 7f…"}. */
  public String operation() {
    return operation;
  }

  /**
   * The SQL state the database gave (for example {@code 08001} when it could not be reached,
   * {@code 42P01} or {@code 42S02} when a table is missing), if the failure came from JDBC.
   */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
