package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service's data source keeps connections open instead of starting a server process per use. */
class UrlDataSourceTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  private static int backend(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void connectionsAreReusedAndNeverMoreThanThePoolSizeAreOpen() throws SQLException {
    try (UrlDataSource ds = new UrlDataSource(PG.jdbcUrl(), "postgres", null, false, 2)) {
      Set<Integer> backends = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        try (Connection c = ds.getConnection()) {
          backends.add(backend(c));
        }
      }
      assertThat(backends).as("server processes used by 20 uses one after another").hasSizeLessThanOrEqualTo(2);
      try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
        assertThat(backend(a)).isNotEqualTo(backend(b));
        backends.add(backend(a));
        backends.add(backend(b));
      }
      assertThat(backends).hasSize(2);
    }
  }

  @Test
  void aPoolOfNoConnectionsIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> new UrlDataSource(PG.jdbcUrl(), "postgres", null, false, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool size").hasMessageContaining("0");
  }
}
