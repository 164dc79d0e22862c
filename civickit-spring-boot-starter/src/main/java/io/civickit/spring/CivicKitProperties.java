package io.civickit.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code civickit.*} settings every part shares: the secrets and the schema.
 *
 * <p>Secrets are best given as environment variables, which Spring Boot binds to these keys:
 * {@code CIVICKIT_KEYS} and {@code CIVICKIT_SERVERKEY}. Every instance of a service that shares one
 * database must have the same secrets.
 *
 * @param keys the key ring that encrypts saved answers and queued notifications, as
 *     {@code KeyRing.format()} writes it: {@code id:base64key[,id:base64key...]}, the first key
 *     active (each key 32 random bytes). Required outside the {@code dev} profile; in {@code dev}
 *     a ring is generated for the run when it is missing.
 * @param serverKey the server key (base64, at least 32 random bytes) that keys the hashes of
 *     one-time passcodes and the signatures of handoff context. Required outside the {@code dev}
 *     profile; generated for the run in {@code dev} when missing.
 * @param schema how CivicKit's tables are created
 */
@ConfigurationProperties("civickit")
public record CivicKitProperties(
    @Nullable String keys,
    @Nullable String serverKey,
    @DefaultValue Schema schema) {

  /**
   * How CivicKit's tables are created.
   *
   * @param install whether CivicKit creates its tables (every statement is
   *     {@code CREATE ... IF NOT EXISTS}) in the application's {@code DataSource} at start-up; set
   *     it to {@code false} when the application's own Flyway or Liquibase migrations apply the
   *     files shipped under {@code META-INF/civickit/sql/<h2|postgresql>/}
   */
  public record Schema(@DefaultValue("true") boolean install) {}

  @Override
  public String toString() {
    return "CivicKitProperties[keys=" + (keys == null ? "unset" : "set") + ", serverKey="
        + (serverKey == null ? "unset" : "set") + ", " + schema + "]";
  }
}
