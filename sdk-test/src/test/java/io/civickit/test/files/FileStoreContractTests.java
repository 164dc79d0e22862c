package io.civickit.test.files;

import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.Schema;
import io.civickit.files.FileStore;
import io.civickit.testsupport.H2Database;
import io.civickit.testsupport.PostgresDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CivicKit's own file stores, each run through the one contract. */
class FileStoreContractTests {

  @Nested
  class OnDisk extends FileStoreContract {
    @TempDir
    Path root;

    @Override
    protected FileStore newStore() {
      return FileStore.onDisk(root, KeyRing.generate("test"));
    }
  }

  @Nested
  class OnH2 extends FileStoreContract {
    private final DataSource ds = H2Database.inMemory().dataSource();

    OnH2() {
      Schema.install(ds, "files");
    }

    @Override
    protected FileStore newStore() {
      return FileStore.jdbc(ds, KeyRing.generate("test"));
    }
  }
}

class PostgresFileStoreContractTest extends FileStoreContract {
  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource(), "files");
  }

  @Override
  protected FileStore newStore() {
    return FileStore.jdbc(PG.dataSource(), KeyRing.generate("test"));
  }
}
