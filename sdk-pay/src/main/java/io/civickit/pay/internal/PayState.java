package io.civickit.pay.internal;

import io.civickit.core.Journey;
import io.civickit.core.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journey's payment as kept in its {@code payment} attribute: the attempt, its idempotency key,
 * GOV.UK Pay's id once known, the last status seen, and refunds. Conditions can read it as
 * {@code journey.payment.status}.
 *
 * @param status {@code creating} while the payment is being created, then GOV.UK Pay's status
 *     ({@code created}... {@code success}), or {@code not_required} when the fee was nothing
 * @param attempt the attempt number, from 1
 * @param key the idempotency key of this attempt
 * @param paymentId GOV.UK Pay's id, once known
 * @param amountPence the amount asked for
 * @param returnUrl the return URL sent (kept so that a repeated create sends the same request)
 * @param language the language sent
 * @param nextUrl the payment page, while the person can use it
 * @param code GOV.UK Pay's failure code, if it failed
 * @param provider the payment service provider GOV.UK Pay used
 * @param updatedAt when this was last changed
 * @param refunds refunds made, oldest first
 */
public record PayState(String status, int attempt, String key, Optional<String> paymentId, long amountPence,
    String returnUrl, String language, Optional<String> nextUrl, Optional<String> code, Optional<String> provider,
    Instant updatedAt, List<RefundEntry> refunds) {

  /** The journey attribute holding it. */
  public static final String ATTRIBUTE = "payment";
  /** Status while the payment is being created. */
  public static final String CREATING = "creating";
  /** Status when nothing was due. */
  public static final String NOT_REQUIRED = "not_required";

  /**
   * One refund, with the adviser who made it.
   *
   * @param refundId GOV.UK Pay's id
   * @param amountPence how much
   * @param adviser the adviser's staff id
   * @param at when
   * @param status the refund's status when made
   */
  public record RefundEntry(String refundId, long amountPence, String adviser, Instant at, String status) {}

  /** Copies the refunds. */
  public PayState {
    refunds = List.copyOf(refunds);
  }

  /** The state on a journey, if it has one. */
  public static Optional<PayState> of(Journey j) {
    Value v = j.attributes().get(ATTRIBUTE);
    if (!(v instanceof Value.Fields f)) {
      return Optional.empty();
    }
    List<RefundEntry> refunds = new ArrayList<>();
    if (f.get("refunds").orElse(null) instanceof Value.Items items) {
      for (Value r : items.values()) {
        if (r instanceof Value.Fields rf) {
          refunds.add(new RefundEntry(text(rf, "id").orElse(""), number(rf, "amount"), text(rf, "by").orElse(""),
              text(rf, "at").map(Instant::parse).orElse(Instant.EPOCH), text(rf, "status").orElse("")));
        }
      }
    }
    return Optional.of(new PayState(text(f, "status").orElse(CREATING), (int) number(f, "attempt"),
        text(f, "key").orElse(""), text(f, "id"), number(f, "amount"), text(f, "return_url").orElse(""),
        text(f, "language").orElse("en"), text(f, "next_url"), text(f, "code"), text(f, "provider"),
        text(f, "updated_at").map(Instant::parse).orElse(Instant.EPOCH), refunds));
  }

  /** This state as the journey attribute's value. */
  public Value toValue() {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("status", Value.text(status));
    m.put("attempt", Value.number(attempt));
    m.put("key", Value.text(key));
    paymentId.ifPresent(v -> m.put("id", Value.text(v)));
    m.put("amount", Value.number(amountPence));
    m.put("return_url", Value.text(returnUrl));
    m.put("language", Value.text(language));
    nextUrl.ifPresent(v -> m.put("next_url", Value.text(v)));
    code.ifPresent(v -> m.put("code", Value.text(v)));
    provider.ifPresent(v -> m.put("provider", Value.text(v)));
    m.put("updated_at", Value.text(updatedAt.toString()));
    if (!refunds.isEmpty()) {
      List<Value> rs = new ArrayList<>();
      for (RefundEntry r : refunds) {
        Map<String, Value> rm = new LinkedHashMap<>();
        rm.put("id", Value.text(r.refundId()));
        rm.put("amount", Value.number(r.amountPence()));
        rm.put("by", Value.text(r.adviser()));
        rm.put("at", Value.text(r.at().toString()));
        rm.put("status", Value.text(r.status()));
        rs.add(Value.fields(rm));
      }
      m.put("refunds", Value.items(rs));
    }
    return Value.fields(m);
  }

  /** The journey with this state as its payment attribute. */
  public Journey applyTo(Journey j) {
    return j.toBuilder().attribute(ATTRIBUTE, toValue()).build();
  }

  /** A copy with another status, next URL, code and provider. */
  public PayState withStatus(String s, Optional<String> next, Optional<String> c, Optional<String> prov, Instant at) {
    return new PayState(s, attempt, key, paymentId, amountPence, returnUrl, language, next, c, prov, at, refunds);
  }

  /** A copy with GOV.UK Pay's id. */
  public PayState withPaymentId(String id, String s, Optional<String> next, Instant at) {
    return new PayState(s, attempt, key, Optional.of(id), amountPence, returnUrl, language, next, code, provider, at,
        refunds);
  }

  /** A copy with one more refund. */
  public PayState withRefund(RefundEntry r, Instant at) {
    List<RefundEntry> rs = new ArrayList<>(refunds);
    rs.add(r);
    return new PayState(status, attempt, key, paymentId, amountPence, returnUrl, language, nextUrl, code, provider, at,
        rs);
  }

  private static Optional<String> text(Value.Fields f, String name) {
    return f.get(name).filter(Value.Text.class::isInstance).map(v -> ((Value.Text) v).value());
  }

  private static long number(Value.Fields f, String name) {
    return f.get(name).filter(Value.Decimal.class::isInstance).map(v -> ((Value.Decimal) v).value())
        .map(BigDecimal::longValue).orElse(0L);
  }
}
