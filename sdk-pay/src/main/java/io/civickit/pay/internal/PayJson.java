package io.civickit.pay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.pay.Payment;
import io.civickit.pay.PaymentRequest;
import io.civickit.pay.PaymentState;
import io.civickit.pay.PaymentStatus;
import io.civickit.pay.Refund;
import io.civickit.pay.RefundStatus;
import io.civickit.pay.RefundSummary;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** GOV.UK Pay's JSON shapes to and from records; every read checks the field's type. */
public final class PayJson {
  /** Shared mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private PayJson() {}

  /** A field that was missing or of the wrong type. */
  public static final class ShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    ShapeException(String message) {
      super(message);
    }
  }

  /** The body of {@code POST /v1/payments} ({@code CreateCardPaymentRequest}). */
  public static byte[] createRequest(PaymentRequest r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("amount", r.amountPence());
    n.put("reference", r.reference());
    n.put("description", r.description());
    n.put("return_url", r.returnUrl().toString());
    n.put("language", r.language().code());
    r.email().ifPresent(e -> n.put("email", e));
    if (!r.metadata().isEmpty()) {
      ObjectNode m = n.putObject("metadata");
      r.metadata().forEach(m::put);
    }
    if (r.delayedCapture()) {
      n.put("delayed_capture", true);
    }
    return bytes(n);
  }

  /** The body of {@code POST /v1/payments/{id}/refunds} ({@code PaymentRefundRequest}). */
  public static byte[] refundRequest(long amount, long refundAmountAvailable) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("amount", amount);
    n.put("refund_amount_available", refundAmountAvailable);
    return bytes(n);
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  /** Reads a payment ({@code CreatePaymentResult} or {@code PaymentWithAllLinks}). */
  public static Payment payment(JsonNode n) throws ShapeException {
    JsonNode state = object(n, "state");
    String statusName = text(state, "status");
    PaymentStatus status = PaymentStatus.fromApi(statusName)
        .orElseThrow(() -> new ShapeException("state.status \"" + statusName + "\" is not a known payment status"));
    PaymentState ps = new PaymentState(status, state.path("finished").asBoolean(status.isFinished()),
        optionalText(state, "code"), optionalText(state, "message"));
    Optional<URI> next = Optional.empty();
    JsonNode links = n.get("_links");
    if (links != null && links.isObject() && links.get("next_url") != null && links.get("next_url").isObject()) {
      String href = text(links.get("next_url"), "href");
      try {
        next = Optional.of(URI.create(href));
      } catch (IllegalArgumentException e) {
        throw new ShapeException("_links.next_url.href is not a URL");
      }
    }
    Optional<RefundSummary> refunds = Optional.empty();
    JsonNode rs = n.get("refund_summary");
    if (rs != null && rs.isObject()) {
      refunds = Optional.of(new RefundSummary(optionalText(rs, "status").orElse("unavailable"),
          rs.path("amount_available").asLong(0), rs.path("amount_submitted").asLong(0)));
    }
    return new Payment(text(n, "payment_id"), whole(n, "amount"), text(n, "reference"), text(n, "description"), ps,
        next, optionalText(n, "return_url").orElse(""), n.path("delayed_capture").asBoolean(false),
        instant(n, "created_date"), optionalText(n, "payment_provider").orElse("unknown"), refunds);
  }

  /** Reads a refund ({@code Refund}). */
  public static Refund refund(JsonNode n, String paymentId) throws ShapeException {
    String statusName = text(n, "status");
    RefundStatus status = RefundStatus.fromApi(statusName)
        .orElseThrow(() -> new ShapeException("refund status \"" + statusName + "\" is not known"));
    long amount = whole(n, "amount");
    if (amount <= 0) {
      throw new ShapeException("refund amount is not positive");
    }
    return new Refund(text(n, "refund_id"), optionalText(n, "payment_id").orElse(paymentId), amount, status,
        instant(n, "created_date"));
  }

  /** GOV.UK Pay's error code in an error body ({@code RequestError} or {@code ErrorResponse}), if any. */
  public static Optional<String> errorCode(JsonNode n) {
    return n != null && n.isObject() ? optionalText(n, "code") : Optional.empty();
  }

  /** The field an error names ({@code RequestError.field}), if any: a field name, never a value. */
  public static Optional<String> errorField(JsonNode n) {
    return n != null && n.isObject() ? optionalText(n, "field").filter(f -> f.matches("[a-z_.]{1,64}")) : Optional.empty();
  }

  private static JsonNode object(JsonNode n, String field) throws ShapeException {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new ShapeException("\"" + field + "\" is missing or not an object");
    }
    return v;
  }

  private static String text(JsonNode n, String field) throws ShapeException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new ShapeException("\"" + field + "\" is missing or not text");
    }
    return v.asText();
  }

  private static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static long whole(JsonNode n, String field) throws ShapeException {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new ShapeException("\"" + field + "\" is missing or not a whole number");
    }
    return v.asLong();
  }

  private static Instant instant(JsonNode n, String field) throws ShapeException {
    String s = text(n, field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new ShapeException("\"" + field + "\" is not an ISO 8601 instant");
    }
  }
}
