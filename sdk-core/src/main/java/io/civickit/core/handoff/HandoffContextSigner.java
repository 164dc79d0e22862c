package io.civickit.core.handoff;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a handoff context package with HMAC-SHA256 under a secret shared with the council's
 * chat platform or CRM, so the receiver knows the context was built by the council's server and
 * not typed into a browser. Build the context on the server ({@link Handoffs#context}), sign it,
 * and pass the {@link SignedContext} to the chat widget or the supplier.
 *
 * <pre>{@code
 * HandoffContextSigner signer = HandoffContextSigner.hmacSha256("chat-2026", secretBytes);
 * SignedContext signed = signer.sign(request);
 * // the receiver, holding the same secret:
 * Optional<HandoffRequest> context = signer.verify(signed);
 * }</pre>
 *
 * <p>The signature covers the key id and the exact payload bytes:
 * {@code base64url(HMAC-SHA256(secret, keyId + "." + payload))}. Verification is constant-time.
 */
public final class HandoffContextSigner {

  /**
   * A signed context package.
   *
   * @param payload the context's JSON, exactly as signed
   * @param keyId which secret signed it, for rotation
   * @param signature the base64url HMAC-SHA256 signature
   */
  public record SignedContext(String payload, String keyId, String signature) {
    /** Checks the fields. */
    public SignedContext {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String toString() {
      return "SignedContext[keyId=" + keyId + ", " + payload.length() + " chars]";
    }
  }

  private final String keyId;
  private final byte[] secret;

  private HandoffContextSigner(String keyId, byte[] secret) {
    this.keyId = keyId;
    this.secret = secret;
  }

  /**
   * A signer with one shared secret.
   *
   * @param keyId a name for the secret, sent with each signature so a receiver can hold two during rotation
   * @param secret at least 32 random bytes
   */
  public static HandoffContextSigner hmacSha256(String keyId, byte[] secret) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secret, "secret");
    if (!keyId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("a key id is 1 to 64 letters, digits, dots, hyphens and underscores, but was \""
          + keyId + "\"");
    }
    if (secret.length < 32) {
      throw new IllegalArgumentException("an HMAC secret must be at least 32 bytes, but was " + secret.length);
    }
    return new HandoffContextSigner(keyId, Arrays.copyOf(secret, secret.length));
  }

  /** The id of this signer's secret. */
  public String keyId() {
    return keyId;
  }

  /** Signs a context package. */
  public SignedContext sign(HandoffRequest request) {
    String payload = request.toJson();
    return new SignedContext(payload, keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keyId, payload)));
  }

  /**
   * Checks a signed package and reads it. Empty when the key id is not this signer's, the
   * signature does not match, or the payload is not a handoff context.
   */
  public Optional<HandoffRequest> verify(SignedContext signed) {
    Objects.requireNonNull(signed, "signed");
    if (!keyId.equals(signed.keyId())) {
      return Optional.empty();
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signed.signature());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac(keyId, signed.payload()), given)) {
      return Optional.empty();
    }
    try {
      return Optional.of(HandoffRequest.fromJson(signed.payload()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * HMAC-SHA256 of {@code prefix + "." + body}: used for the signature above (prefix = key id)
   * and for webhook requests (prefix = the timestamp header).
   */
  public byte[] mac(String prefix, String body) {
    return mac(secret, prefix, body.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of {@code prefix + "." + body} with a secret. */
  public static byte[] mac(byte[] secret, String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "HandoffContextSigner[" + keyId + "]";
  }
}
