package io.civickit.spring;

import io.civickit.core.progress.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.util.ClassUtils;

/**
 * CivicKit's tables, installed in the application's {@code DataSource} when the bean is created:
 * the core schema (journeys, resume tokens, events), handoffs, and the outbox and identity
 * schemas when sdk-notify and sdk-identity are on the class path. Every statement is
 * {@code CREATE ... IF NOT EXISTS}, so every instance may do it at every start.
 *
 * <p>Created unless {@code civickit.schema.install=false}; the stores wait for it, so they never
 * see a database without their tables.
 */
public final class CivicKitSchema {
  private final List<String> installed;

  private CivicKitSchema(List<String> installed) {
    this.installed = List.copyOf(installed);
  }

  /**
   * Installs the schemas of the CivicKit modules on the class path.
   *
   * @param dataSource the application's database (H2 or PostgreSQL)
   * @param loader the class loader to look for the modules in
   * @return what was installed
   * @throws io.civickit.core.CivicKitException if the database is neither H2 nor PostgreSQL, or a statement fails
   */
  public static CivicKitSchema install(DataSource dataSource, ClassLoader loader) {
    Objects.requireNonNull(dataSource, "dataSource");
    List<Schema.Part> parts = new ArrayList<>(List.of(Schema.Part.CORE, Schema.Part.HANDOFF));
    if (ClassUtils.isPresent("io.civickit.notify.outbox.OutboxSchema", loader)) {
      parts.add(Schema.Part.OUTBOX);
    }
    if (ClassUtils.isPresent("io.civickit.identity.IdentityStore", loader)) {
      parts.add(Schema.Part.IDENTITY);
    }
    Schema.install(dataSource, parts.toArray(Schema.Part[]::new));
    return new CivicKitSchema(parts.stream().map(Schema.Part::fileName).toList());
  }

  /** The schemas installed, in order: {@code core}, {@code handoff}, then {@code outbox} and {@code identity} if present. */
  public List<String> installed() {
    return installed;
  }

  @Override
  public String toString() {
    return "CivicKitSchema" + installed;
  }
}
