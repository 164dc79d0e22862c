package io.civickit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.testsupport.H2Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Installing schemas by typed part, and every part on the class path at once. */
class SchemaPartsTest {

  @Test
  void installAllAppliesOnlyThePartsWhoseModulesAreOnTheClassPath() throws SQLException {
    DataSource ds = H2Database.inMemory().dataSource();
    // sdk-core's own tests see sdk-core's two schema files and no other module's
    assertThat(Schema.installAll(ds)).containsExactly(Schema.Part.CORE, Schema.Part.HANDOFF);
    assertThat(tables(ds)).contains("CIVICKIT_JOURNEYS", "CIVICKIT_HANDOFFS").noneMatch(t -> t.contains("OUTBOX"));
    // a second time changes nothing and does not fail
    assertThat(Schema.installAll(ds)).containsExactly(Schema.Part.CORE, Schema.Part.HANDOFF);
  }

  @Test
  void aTypedPartInstallsTheSameTablesAsItsName() throws SQLException {
    DataSource byPart = H2Database.inMemory().dataSource();
    Schema.install(byPart, Schema.Part.CORE);
    DataSource byName = H2Database.inMemory().dataSource();
    @SuppressWarnings("removal")
    Runnable old = () -> Schema.install(byName, "core");
    old.run();
    assertThat(tables(byPart)).isEqualTo(tables(byName)).contains("CIVICKIT_JOURNEYS")
        .doesNotContain("CIVICKIT_HANDOFFS");
  }

  @Test
  void everyPartNamesItsFileAndModule() {
    assertThat(Schema.Part.OUTBOX.fileName()).isEqualTo("outbox");
    assertThat(Schema.Part.OUTBOX.module()).isEqualTo("sdk-notify");
    assertThat(Schema.Part.values()).extracting(Schema.Part::fileName)
        .containsExactly("core", "handoff", "outbox", "identity", "files", "pay", "submit", "web");
  }

  private static List<String> tables(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "CIVICKIT%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out.stream().sorted().toList();
  }
}
