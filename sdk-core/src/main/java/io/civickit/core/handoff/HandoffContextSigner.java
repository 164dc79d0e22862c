package io.civickit.core.handoff;

import io.civickit.core.internal.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * Signs a handoff context package with HMAC-SHA256 under a secret shared with the council's
 * chat platform or CRM, so the receiver knows the context was built by the council's server and
 * not typed into a browser. Build the context on the server ({@link Handoffs#context}), sign it,
 * and pass the {@link SignedContext} to the chat widget or the supplier.
 *
 * <pre>{@code
 * HandoffContextSigner signer = HandoffContextSigner.builder()
 *     .keyId("chat-2026").secret(secretBytes)
 *     .usedIds(UsedContextIds.jdbc(dataSource))   // shared by every instance that verifies
 *     .build();
 * SignedContext signed = signer.sign(request);
 * // the receiver, holding the same secret and the same used-id store:
 * Optional<HandoffRequest> context = signer.verify(signed);   // empty the second time
 * }</pre>
 *
 * <p>Each package carries a one-time id (128 random bits) and an expiry ({@code validFor} after
 * signing, 10 minutes by default). The signature covers all of it:
 * {@code base64url(HMAC-SHA256(secret, keyId + "." + id + "." + expiresAtEpochSecond + "." + payload))}.
 * {@link #verify} refuses a package whose signature does not match (compared in constant time),
 * that has expired, or whose id it has seen before: a package captured on its way (with the live
 * resume link inside) cannot be played again. The ids seen are kept in {@link UsedContextIds}
 * until the package expires; use {@link UsedContextIds#jdbc} when several instances verify.
 */
public final class HandoffContextSigner {
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");

  /**
   * A signed context package.
   *
   * @param payload the context's JSON, exactly as signed
   * @param keyId which secret signed it, for rotation
   * @param signature the base64url HMAC-SHA256 signature
   * @param id the package's one-time id: 22 base64url characters (128 random bits)
   * @param expiresAt when the package stops being accepted (whole seconds)
   */
  public record SignedContext(String payload, String keyId, String signature, String id, Instant expiresAt) {
    /** Checks the fields. */
    public SignedContext {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "SignedContext[keyId=" + keyId + ", expiresAt=" + expiresAt + ", " + payload.length() + " chars]";
    }
  }

  private final String keyId;
  private final byte[] secret;
  private final Duration validFor;
  private final Clock clock;
  private final UsedContextIds usedIds;
  private final SecureRandom random;

  private HandoffContextSigner(Builder b) {
    this.keyId = b.keyId;
    this.secret = b.secret;
    this.validFor = b.validFor;
    this.clock = b.clock;
    this.usedIds = b.usedIds;
    this.random = b.random;
  }

  /**
   * A signer with one shared secret, packages valid for 10 minutes, the system clock and the ids
   * seen kept in this JVM's memory (enough when one instance verifies; see {@link #builder()}).
   *
   * @param keyId a name for the secret, sent with each signature so a receiver can hold two during rotation
   * @param secret at least 32 random bytes
   */
  public static HandoffContextSigner hmacSha256(String keyId, byte[] secret) {
    return builder().keyId(keyId).secret(secret).build();
  }

  /** A builder: key id and secret are required; the rest have the defaults of {@link #hmacSha256}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id of this signer's secret. */
  public String keyId() {
    return keyId;
  }

  /** Signs a context package, with a fresh one-time id and an expiry {@code validFor} from now. */
  public SignedContext sign(HandoffRequest request) {
    String payload = request.toJson();
    byte[] idBytes = new byte[16];
    random.nextBytes(idBytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
    Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(validFor).getEpochSecond());
    byte[] signature = mac(signedPrefix(keyId, id, expiresAt), payload);
    return new SignedContext(payload, keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(signature), id,
        expiresAt);
  }

  /**
   * Checks a signed package and reads it, once. Empty when the key id is not this signer's, the
   * signature does not match, the package has expired, the payload is not a handoff context, or
   * the package's id has been accepted before (by any instance sharing the {@link UsedContextIds}).
   */
  public Optional<HandoffRequest> verify(SignedContext signed) {
    Objects.requireNonNull(signed, "signed");
    if (!keyId.equals(signed.keyId()) || !ID.matcher(signed.id()).matches()) {
      return Optional.empty();
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signed.signature());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!Digests.equal(mac(signedPrefix(keyId, signed.id(), signed.expiresAt()), signed.payload()), given)) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(signed.expiresAt())) {
      return Optional.empty();
    }
    HandoffRequest request;
    try {
      request = HandoffRequest.fromJson(signed.payload());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return usedIds.markUsed(signed.id(), signed.expiresAt()) ? Optional.of(request) : Optional.empty();
  }

  private static String signedPrefix(String keyId, String id, Instant expiresAt) {
    return keyId + "." + id + "." + expiresAt.getEpochSecond();
  }

  /**
   * HMAC-SHA256 of {@code prefix + "." + body}: used for the signature above (prefix = key id, one-time id and expiry)
   * and for webhook requests (prefix = the timestamp header).
   */
  public byte[] mac(String prefix, String body) {
    return mac(secret, prefix, body.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of {@code prefix + "." + body} with a secret. */
  public static byte[] mac(byte[] secret, String prefix, byte[] body) {
    Mac mac = Digests.hmacSha256(secret);
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) '.');
    return mac.doFinal(body);
  }

  /** Builds a {@link HandoffContextSigner}; each setter checks its value at once. */
  public static final class Builder {
    private @Nullable String keyId;
    private byte @Nullable [] secret;
    private Duration validFor = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();
    private @Nullable UsedContextIds usedIds;
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /** A name for the secret (1 to 64 letters, digits, dots, hyphens and underscores), sent with each signature. */
    public Builder keyId(String value) {
      Objects.requireNonNull(value, "keyId");
      if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("a key id is 1 to 64 letters, digits, dots, hyphens and underscores, but was \""
            + value + "\"");
      }
      this.keyId = value;
      return this;
    }

    /** The shared secret: at least 32 random bytes (copied). */
    public Builder secret(byte[] value) {
      Objects.requireNonNull(value, "secret");
      if (value.length < 32) {
        throw new IllegalArgumentException("an HMAC secret must be at least 32 bytes, but was " + value.length);
      }
      this.secret = Arrays.copyOf(value, value.length);
      return this;
    }

    /** How long a package is accepted after signing: 1 second to 24 hours, 10 minutes by default. */
    public Builder validFor(Duration value) {
      Objects.requireNonNull(value, "validFor");
      if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException("a signed context is valid for 1 second to 24 hours, but was " + value);
      }
      this.validFor = value;
      return this;
    }

    /** The clock expiry is read from (the system clock by default). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Where the ids of accepted packages are kept ({@link UsedContextIds#inMemory()} by default). */
    public Builder usedIds(UsedContextIds value) {
      this.usedIds = Objects.requireNonNull(value, "usedIds");
      return this;
    }

    /** The source of one-time ids (a new {@link SecureRandom} by default). */
    public Builder random(SecureRandom value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * The signer.
     *
     * @throws IllegalStateException if the key id or the secret is missing
     */
    public HandoffContextSigner build() {
      if (keyId == null || secret == null) {
        throw new IllegalStateException("a handoff context signer needs a keyId(...) and a secret(...)");
      }
      if (usedIds == null) {
        usedIds = UsedContextIds.inMemory();
      }
      return new HandoffContextSigner(this);
    }
  }

  @Override
  public String toString() {
    return "HandoffContextSigner[" + keyId + "]";
  }
}
