package io.civickit.benchmarks.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal fixed-size connection pool, so that every benchmark on PostgreSQL measures its
 * statements and not connection set-up (an application always has a pool). {@code close()} on a
 * borrowed connection hands it back, rolled back if a transaction was left open and in
 * auto-commit mode. Both sides of every comparison use the same pool.
 */
public final class SimplePool implements DataSource, AutoCloseable {
  private final DataSource target;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private final int size;

  SimplePool(DataSource target, int size) {
    this.target = target;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = idle.poll();
    if (c == null) {
      synchronized (all) {
        if (all.size() < size) {
          c = target.getConnection();
          all.add(c);
        }
      }
    }
    if (c == null) {
      try {
        c = idle.poll(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted waiting for a connection", e);
      }
      if (c == null) {
        throw new SQLException("no connection free within 30 s (pool of " + size + ")");
      }
    }
    return borrowed(c);
  }

  private Connection borrowed(Connection real) {
    InvocationHandler h = new InvocationHandler() {
      private boolean closed;

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
          case "close":
            if (!closed) {
              closed = true;
              if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
              }
              idle.offer(real);
            }
            return null;
          case "isClosed":
            return closed || real.isClosed();
          case "unwrap":
            return real.unwrap((Class<?>) args[0]);
          default:
            if (closed) {
              throw new SQLException("connection was handed back to the pool");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has one user");
  }

  /** Closes every connection. */
  @Override
  public void close() {
    synchronized (all) {
      for (Connection c : all) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing anyway
        }
      }
      all.clear();
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
