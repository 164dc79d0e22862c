package io.civickit.core;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a failure without its messages, for log lines and stored error text. Exception
 * messages are not safe to log: a database driver quotes the values of a failed statement
 * (PostgreSQL's "Key (email)=(jane@example.org) already exists", H2's parameter lists), and a
 * supplier's channel or a host's listener may put a recipient or an answer in theirs.
 *
 * <pre>{@code
 * } catch (RuntimeException e) {
 *   LOG.warn("channel {} failed: {}", name, Failures.describe(e));   // "IllegalStateException"
 * }
 * }</pre>
 */
public final class Failures {
  private Failures() {}

  /**
   * The class names along a failure's cause chain, with the SQL state of each
   * {@link SQLException}: for example {@code CivicKitException <- PSQLException (SQL state 23505)}.
   * Never a message.
   */
  public static String describe(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    StringBuilder out = new StringBuilder();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (out.length() > 0) {
        out.append(" <- ");
      }
      out.append(t instanceof Redacted r ? r.originalClass : t.getClass().getSimpleName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append(" (SQL state ").append(sql.getSQLState()).append(')');
      } else if (t instanceof Redacted r && r.sqlState != null) {
        out.append(" (SQL state ").append(r.sqlState).append(')');
      }
    }
    return out.toString();
  }

  /**
   * A stand-in for a database failure, to attach as the cause of an exception CivicKit throws:
   * the same class name, SQL state and stack trace, but none of the driver's message, so a host
   * that logs the exception with its stack trace prints no stored value. Causes are redacted the
   * same way.
   */
  public static RuntimeException redacted(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    return redact(failure, new IdentityHashMap<>());
  }

  private static Redacted redact(Throwable t, Map<Throwable, Boolean> seen) {
    seen.put(t, Boolean.TRUE);
    Throwable cause = t.getCause();
    Redacted copy = new Redacted(t, cause == null || seen.containsKey(cause) ? null : redact(cause, seen));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** A failure's class, SQL state and stack trace, without its message. */
  private static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String originalClass;
    final String sqlState;

    Redacted(Throwable original, Redacted cause) {
      super(original.getClass().getName() + (original instanceof SQLException s && s.getSQLState() != null
          ? " (SQL state " + s.getSQLState() + ", message withheld)" : " (message withheld)"), cause, false, true);
      this.originalClass = original.getClass().getSimpleName();
      this.sqlState = original instanceof SQLException s ? s.getSQLState() : null;
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
