package io.civickit.notify.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A GOV.UK Notify API key, split into its parts. A key is
 * {@code <key name>-<service id>-<secret>}, where the service id and the secret are each a
 * 36-character UUID; the key name may itself contain hyphens.
 *
 * @param keyName the name given to the key when it was created
 * @param serviceId the service id: the JWT's {@code iss}
 * @param secret the signing secret: never logged, never sent
 */
public record NotifyApiKey(String keyName, String serviceId, String secret) {

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Checks the parts. Use {@link #parse(String)} for a key as Notify shows it.
   *
   * @throws NullPointerException if any part is null
   * @throws IllegalArgumentException if the service id or the secret is not a UUID; the message
   *     never repeats the secret
   */
  public NotifyApiKey {
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(secret, "secret");
    if (!UUID.matcher(serviceId).matches()) {
      throw new IllegalArgumentException("a Notify service id is a UUID, but was '" + serviceId + "'");
    }
    if (!UUID.matcher(secret).matches()) {
      throw new IllegalArgumentException("a Notify API key secret is a UUID (36 characters), but was not");
    }
  }

  /**
   * Parses a key as Notify shows it. Whitespace around it is ignored.
   *
   * @throws IllegalArgumentException if it is not a Notify key; the message never repeats the secret
   */
  public static NotifyApiKey parse(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    String key = apiKey.strip();
    // name "-" service id (36) "-" secret (36)
    if (key.length() < 74 || key.charAt(key.length() - 37) != '-' || key.charAt(key.length() - 74) != '-') {
      throw new IllegalArgumentException("a Notify API key is '<name>-<service id>-<secret>' with two 36-character"
          + " UUIDs, but the key given is " + key.length() + " characters and does not have that shape");
    }
    String secret = key.substring(key.length() - 36);
    String service = key.substring(key.length() - 73, key.length() - 37);
    String name = key.substring(0, key.length() - 74);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a Notify API key starts with the key's name, but this one has none");
    }
    return new NotifyApiKey(name, service, secret);
  }

  @Override
  public String toString() {
    return "NotifyApiKey[name=" + keyName + ", service=" + serviceId + ", secret=***]";
  }
}
