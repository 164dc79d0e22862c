package io.civickit.notify.outbox;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections can be cut, as when the process holding them dies: after
 * {@link #sever()}, every call on a connection it handed out fails and nothing more reaches the
 * database.
 */
final class SeveringDataSource implements DataSource {
  private final DataSource target;
  private volatile boolean severed;

  SeveringDataSource(DataSource target) {
    this.target = target;
  }

  void sever() {
    severed = true;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (severed) {
      throw new SQLException("connection lost");
    }
    Connection real = target.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            real.close(); // an open transaction, if any, is rolled back: nothing of it is written
            return null;
          }
          if (severed) {
            throw new SQLException("connection lost");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not supported");
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
  public Logger getParentLogger() {
    return Logger.getGlobal();
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
