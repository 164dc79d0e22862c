package io.civickit.pay.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.core.JourneyId;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.pay.internal.PayJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receives GOV.UK Pay's webhook messages: a faster path than the {@link PaymentReconciler} for
 * journeys whose person did not come back.
 *
 * <p>GOV.UK Pay signs each message's body with the webhook's signing secret (HMAC-SHA256, sent as
 * lower-case hex in the {@code Pay-Signature} header). {@link #receive} checks the signature in
 * constant time before reading anything, then looks the payment up through the API (the message's
 * own copy of the payment is never trusted) and records it as {@link Payments#onReturn} does. It is
 * idempotent: GOV.UK Pay retries deliveries, and a message seen twice changes nothing the second
 * time. Answer HTTP 200 for {@link Result.Accepted} and {@link Result.Ignored}, 401 for
 * {@link Result.BadSignature} and 400 for {@link Result.Malformed}.
 */
public final class PayWebhooks {
  /** The header GOV.UK Pay puts the signature in. */
  public static final String SIGNATURE_HEADER = "Pay-Signature";
  /** The largest body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final Payments payments;
  private final SecretKeySpec key;

  private PayWebhooks(Payments payments, String signingSecret) {
    this.payments = Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("the webhook signing secret must not be blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * A receiver.
   *
   * @param payments the payment step's engine
   * @param signingSecret the webhook's signing secret from GOV.UK Pay's admin tool
   * @return the receiver
   */
  public static PayWebhooks of(Payments payments, String signingSecret) {
    return new PayWebhooks(payments, signingSecret);
  }

  /** What receiving a message did. */
  public sealed interface Result {
    /**
     * Signed and about one of our payments: recorded.
     *
     * @param outcome where the payment now stands
     */
    record Accepted(PaymentOutcome outcome) implements Result {}

    /**
     * Signed, but not about a payment this service knows (another service's, or a kind of
     * message this receiver does not act on). Answer 200 so GOV.UK Pay stops retrying.
     *
     * @param why why it was ignored
     */
    record Ignored(String why) implements Result {}

    /** The signature was missing or wrong: nothing was read. Answer 401. */
    record BadSignature() implements Result {}

    /**
     * Signed but not a message this receiver can read, or too large. Answer 400.
     *
     * @param why what was wrong
     */
    record Malformed(String why) implements Result {}
  }

  /**
   * Checks and acts on one webhook message.
   *
   * @param body the request body, exactly as received
   * @param signature the {@code Pay-Signature} header, if sent
   * @return what was done
   * @throws io.civickit.pay.PaymentProviderException if GOV.UK Pay cannot be reached to look the
   *     payment up: answer 5xx so GOV.UK Pay retries
   */
  public Result receive(byte[] body, Optional<String> signature) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(signature, "signature");
    if (body.length > MAX_BODY_BYTES) {
      return new Result.Malformed("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (!verify(body, signature)) {
      return new Result.BadSignature();
    }
    JsonNode n;
    try {
      n = PayJson.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      return new Result.Malformed("the body is not JSON");
    }
    if (n == null || !n.isObject() || !n.path("resource_id").isTextual()) {
      return new Result.Malformed("the body has no resource_id");
    }
    String type = n.path("resource_type").asText("payment");
    if (!type.equals("payment")) {
      return new Result.Ignored("resource_type " + abbreviate(type) + " is not acted on");
    }
    String paymentId = n.get("resource_id").asText();
    if (!paymentId.matches("[A-Za-z0-9]{1,64}")) {
      return new Result.Malformed("resource_id is not a payment id");
    }
    Optional<JourneyId> journey = payments.ledger().journeyOf(paymentId);
    if (journey.isEmpty()) {
      return new Result.Ignored("payment " + paymentId + " is not one of this service's journeys");
    }
    try {
      return new Result.Accepted(payments.refresh(journey.get()));
    } catch (io.civickit.core.JourneyNotFoundException e) {
      return new Result.Ignored("the journey of payment " + paymentId + " is gone");
    }
  }

  /**
   * Whether a signature is GOV.UK Pay's for this body, compared in constant time.
   *
   * @param body the body as received
   * @param signature the {@code Pay-Signature} header
   * @return true if it matches
   */
  public boolean verify(byte[] body, Optional<String> signature) {
    byte[] expected = sign(body);
    byte[] given;
    try {
      String s = signature.orElse("").strip();
      given = s.length() == expected.length * 2 ? HexFormat.of().parseHex(s) : new byte[0];
    } catch (IllegalArgumentException notHex) {
      given = new byte[0];
    }
    // Digests.equal takes the same time for any two arrays of the same length.
    return Digests.equal(expected, given.length == expected.length ? given : new byte[expected.length])
        && given.length == expected.length;
  }

  private byte[] sign(byte[] body) {
    return Digests.hmacSha256(key).doFinal(body);
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 27) + "..." : s;
  }

  @Override
  public String toString() {
    return "PayWebhooks[secret=(hidden)]";
  }
}
