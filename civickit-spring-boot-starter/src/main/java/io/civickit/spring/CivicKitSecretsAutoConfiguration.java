package io.civickit.spring;

import io.civickit.core.progress.KeyRing;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The key ring and the server key, from {@code civickit.keys} and {@code civickit.server-key}.
 *
 * <p>Outside the {@code dev} profile a missing or malformed secret stops the application with a
 * {@link CivicKitConfigurationException} that says what to set. In the {@code dev} profile a
 * missing secret is generated for this run, with a warning (never the key itself): what was saved
 * with it cannot be read after a restart.
 *
 * <p>Backs off from a {@link KeyRing} or {@link ServerKey} bean the application defines.
 */
@AutoConfiguration
@ConditionalOnClass(KeyRing.class)
@EnableConfigurationProperties(CivicKitProperties.class)
public class CivicKitSecretsAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CivicKitSecretsAutoConfiguration.class);
  /** The profile in which missing secrets are generated. */
  static final String DEV_PROFILE = "dev";

  /** Creates the configuration (Spring does). */
  public CivicKitSecretsAutoConfiguration() {}

  /**
   * The key ring that encrypts saved answers and queued notifications.
   *
   * @param properties the {@code civickit.*} settings
   * @param environment to see whether the {@code dev} profile is active
   * @return the key ring
   * @throws CivicKitConfigurationException if {@code civickit.keys} is missing outside {@code dev} or malformed
   */
  @Bean
  @ConditionalOnMissingBean
  public KeyRing civicKitKeyRing(CivicKitProperties properties, Environment environment) {
    String text = properties.keys();
    if (text == null || text.isBlank()) {
      requireDev(environment, "civickit.keys", "CIVICKIT_KEYS",
          "CivicKit has no key ring to encrypt saved answers and queued notifications: civickit.keys is not set.",
          "a key ring such as k1:<32 random bytes in base64> (KeyRing.generate(\"k1\").format() writes one)");
      LOG.warn("civickit.keys is not set: generated a key ring for this run (dev profile). Journeys and notifications "
          + "saved now cannot be read after a restart; set civickit.keys to keep them.");
      return KeyRing.generate("dev");
    }
    try {
      return KeyRing.parse(text);
    } catch (IllegalArgumentException e) {
      // KeyRing's messages name entries and key ids, never key material.
      throw new CivicKitConfigurationException("civickit.keys", "civickit.keys is not a valid key ring: "
          + e.getMessage() + ".", "Set civickit.keys to id:base64key[,id:base64key...], each key 32 bytes, the "
          + "active key first; KeyRing.generate(\"k1\").format() writes one.");
    }
  }

  /**
   * The server key that keys passcode hashes and handoff context signatures.
   *
   * @param properties the {@code civickit.*} settings
   * @param environment to see whether the {@code dev} profile is active
   * @return the server key
   * @throws CivicKitConfigurationException if {@code civickit.server-key} is missing outside {@code dev} or malformed
   */
  @Bean
  @ConditionalOnMissingBean
  public ServerKey civicKitServerKey(CivicKitProperties properties, Environment environment) {
    String text = properties.serverKey();
    if (text == null || text.isBlank()) {
      requireDev(environment, "civickit.server-key", "CIVICKIT_SERVERKEY",
          "CivicKit has no server key to protect one-time passcodes and handoff links: civickit.server-key is "
              + "not set.",
          "at least 32 random bytes in base64 (openssl rand -base64 32 writes one)");
      LOG.warn("civickit.server-key is not set: generated a server key for this run (dev profile). Passcodes and "
          + "handoff links issued now stop working after a restart; set civickit.server-key to keep them.");
      byte[] key = new byte[ServerKey.MIN_BYTES];
      new SecureRandom().nextBytes(key);
      return ServerKey.of(key);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.server-key", "civickit.server-key is not base64.",
          "Set civickit.server-key to at least 32 random bytes in base64 (openssl rand -base64 32 writes one).");
    }
    if (key.length < ServerKey.MIN_BYTES) {
      throw new CivicKitConfigurationException("civickit.server-key", "civickit.server-key must be at least "
          + ServerKey.MIN_BYTES + " bytes, but was " + key.length + ".",
          "Set civickit.server-key to at least 32 random bytes in base64 (openssl rand -base64 32 writes one).");
    }
    return ServerKey.of(key);
  }

  private static void requireDev(Environment environment, String property, String variable, String message,
      String what) {
    if (!environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
      throw new CivicKitConfigurationException(property, message, "Set " + property + " (or the environment variable "
          + variable + ") to " + what + ". Every instance sharing the database needs the same value. For a trial "
          + "on your own machine, run with the dev profile (spring.profiles.active=dev) and CivicKit generates one "
          + "for the run.");
    }
  }
}
