package io.civickit.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * For tests that personal data stays out of what a host prints: exceptions (with their causes,
 * as a logger prints them) and log lines (slf4j-simple writes them to {@code System.err}).
 */
public final class Leaks {
  private Leaks() {}

  /**
   * Everything a host could print about a failure: its {@code toString()} and its stack trace as
   * a logger prints it, with every cause and suppressed failure and their messages.
   */
  public static String printed(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out, true));
    return failure + "\n" + out;
  }

  /** What an action wrote to {@code System.err}, and what it threw (or null). */
  public record Run(String stderr, Throwable thrown) {}

  /** Runs the action with {@code System.err} captured; a failure it throws is returned, not thrown. */
  public static synchronized Run capturingStderr(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Throwable thrown = null;
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      thrown = e;
    } finally {
      System.setErr(original);
    }
    return new Run(captured.toString(StandardCharsets.UTF_8), thrown);
  }

  /**
   * The message the database driver gives when the statement runs directly: for a test to show
   * that the driver does quote the value (so that a test that it goes unquoted can fail).
   *
   * @throws AssertionError if the statement succeeds
   */
  public static String driverMessage(DataSource dataSource, String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.execute();
    } catch (SQLException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the database to refuse: " + sql);
  }

  /** Runs DDL or DML for a test's set-up. */
  public static void execute(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** As {@link #capturingStderr(Runnable)} for an action with a result. */
  public static Run capturingStderr(Supplier<?> action) {
    return capturingStderr((Runnable) action::get);
  }
}
