package io.civickit.notify.internal.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The checks the channel and destination builders share (sdk-notify's channels, sdk-submit's
 * destinations), so that each setting is refused the same way with the same message wherever it
 * is given. Not API.
 */
public final class Settings {
  /** The shortest signing secret a webhook accepts, in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  private Settings() {}

  /**
   * A timeout or interval that must be more than zero.
   *
   * @param d the duration
   * @param what the setting, for the message: {@code "connect timeout"}
   * @return {@code d}
   */
  public static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, but was " + d);
    }
    return d;
  }

  /**
   * An http or https address.
   *
   * @param url the address
   * @param what the setting, for the message: {@code "a webhook URL"}
   * @return {@code url}
   */
  public static URI httpUrl(URI url, String what) {
    Objects.requireNonNull(url, what);
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      throw new IllegalArgumentException(what + " must be http or https, but was " + url);
    }
    return url;
  }

  /**
   * A copy of a webhook's signing secret, at least {@value #MIN_SECRET_BYTES} bytes. The message
   * gives its length, never its bytes.
   *
   * @param secret the secret
   * @return a copy
   */
  public static byte[] signingSecret(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("a webhook secret must be at least " + MIN_SECRET_BYTES
          + " bytes, but was " + secret.length);
    }
    return Arrays.copyOf(secret, secret.length);
  }

  /**
   * A channel's name: not blank (the outbox keys rate limits by it).
   *
   * @param name the name
   * @return {@code name}
   */
  public static String channelName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a channel name must not be blank");
    }
    return name;
  }

  /**
   * Attempts before a message or delivery is dead-lettered: at least 1.
   *
   * @param maxAttempts the attempts
   * @return {@code maxAttempts}
   */
  public static int maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, but was " + maxAttempts);
    }
    return maxAttempts;
  }

  /**
   * How long a worker holds a claimed batch: at least 2 ms.
   *
   * @param lease the lease
   * @return {@code lease}
   */
  public static Duration lease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.toMillis() < 2) {
      throw new IllegalArgumentException("the lease must be at least 2 ms, but was " + lease);
    }
    return lease;
  }

  /**
   * How many rows a worker claims at once: 1 to 1000.
   *
   * @param batchSize the batch size
   * @return {@code batchSize}
   */
  public static int batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("the batch size must be 1 to 1000, but was " + batchSize);
    }
    return batchSize;
  }
}
