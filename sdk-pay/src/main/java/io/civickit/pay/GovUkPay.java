package io.civickit.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.pay.internal.PayJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A client for the GOV.UK Pay public API: create, look up, capture and cancel payments, and
 * refund them. Thread-safe; share one per API key.
 *
 * <pre>{@code
 * GovUkPay pay = GovUkPay.builder().apiKey(System.getenv("PAY_API_KEY")).build();
 * Payment p = pay.create(PaymentRequest.builder(9000, reference, "Garden waste permit", returnUrl).build(),
 *     Optional.of(idempotencyKey));
 * // send the person to p.nextUrl().get(); when they come back:
 * Payment now = pay.find(p.paymentId()).orElseThrow();
 * }</pre>
 *
 * <p>Every call has a timeout and a {@code User-Agent}; answers larger than a limit (64 KiB by
 * default) are refused unread. The API key is sent only in the {@code Authorization} header and
 * never appears in messages, logs or {@link #toString()}. Failures throw
 * {@link PaymentProviderException} with the HTTP status and GOV.UK Pay's error code, never the body.
 */
public final class GovUkPay {
  /** GOV.UK Pay's public API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://publicapi.payments.service.gov.uk");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9-]{1,255}");

  private final String apiKey;
  private final URI baseUri;
  private final Clock clock;
  private final Duration timeout;
  private final String userAgent;
  private final int maxResponseBytes;
  private final HttpClient http;

  private GovUkPay(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUri = b.baseUri;
    this.clock = b.clock;
    this.timeout = b.timeout;
    this.userAgent = b.userAgent;
    this.maxResponseBytes = b.maxResponseBytes;
    this.http = b.http != null ? b.http
        : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Starts configuring a client; {@link Builder#apiKey} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock this client was built with, for the payment step and reconciler to share. */
  public Clock clock() {
    return clock;
  }

  /** The API's base address. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Creates a payment.
   *
   * @param request what to charge for
   * @param idempotencyKey an {@code Idempotency-Key} (letters, digits and hyphens): sending the
   *     same key and request again returns the payment already created instead of a second one
   * @return the payment, with {@link Payment#nextUrl()} to send the person to
   * @throws PaymentProviderException if GOV.UK Pay refuses the request (a key already used for
   *     another request is HTTP 409, code {@code P0191}) or cannot be reached
   */
  public Payment create(PaymentRequest request, Optional<String> idempotencyKey) {
    Objects.requireNonNull(request, "request");
    HttpRequest.Builder r = request("/v1/payments")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(PayJson.createRequest(request)));
    idempotencyKey.ifPresent(k -> {
      if (!IDEMPOTENCY_KEY.matcher(k).matches()) {
        throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 letters, digits and hyphens, but was \""
            + (k.length() > 40 ? k.substring(0, 40) + "..." : k) + "\"");
      }
      r.header("Idempotency-Key", k);
    });
    Answer a = send("create payment", r.build());
    if (a.status != 201 && a.status != 200) {
      throw refused("create payment", a);
    }
    return payment("create payment", a);
  }

  /**
   * Looks a payment up.
   *
   * @param paymentId GOV.UK Pay's id for it
   * @return the payment, or empty if GOV.UK Pay does not know it (HTTP 404)
   * @throws PaymentProviderException for any other refusal or no answer
   */
  public Optional<Payment> find(String paymentId) {
    checkId(paymentId);
    Answer a = send("get payment", request("/v1/payments/" + paymentId).GET().build());
    if (a.status == 404) {
      return Optional.empty();
    }
    if (a.status != 200) {
      throw refused("get payment", a);
    }
    return Optional.of(payment("get payment", a));
  }

  /**
   * Captures a payment created with delayed capture that is {@link PaymentStatus#CAPTURABLE}.
   *
   * @param paymentId GOV.UK Pay's id for it
   * @throws PaymentProviderException if it cannot be captured (HTTP 400 or 409) or is not found
   */
  public void capture(String paymentId) {
    checkId(paymentId);
    Answer a = send("capture payment", request("/v1/payments/" + paymentId + "/capture")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    if (a.status != 204) {
      throw refused("capture payment", a);
    }
  }

  /**
   * Cancels a payment that has not finished (the person has not paid, or it waits for capture).
   *
   * @param paymentId GOV.UK Pay's id for it
   * @throws PaymentProviderException if it cannot be cancelled (HTTP 400 or 409) or is not found
   */
  public void cancel(String paymentId) {
    checkId(paymentId);
    Answer a = send("cancel payment", request("/v1/payments/" + paymentId + "/cancel")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    if (a.status != 204) {
      throw refused("cancel payment", a);
    }
  }

  /**
   * Refunds all or part of a payment.
   *
   * @param paymentId GOV.UK Pay's id for it
   * @param amountPence how much to refund, 1 to 10,000,000
   * @param refundAmountAvailablePence how much the caller believes is still refundable; GOV.UK Pay
   *     refuses the refund if that is no longer true, so two advisers cannot both refund in full
   * @return the refund, or why there was none
   * @throws PaymentProviderException for any other refusal or no answer
   */
  public RefundResult refund(String paymentId, long amountPence, long refundAmountAvailablePence) {
    checkId(paymentId);
    if (amountPence < 1 || amountPence > PaymentRequest.MAX_AMOUNT_PENCE) {
      throw new IllegalArgumentException("a refund is 1 to " + PaymentRequest.MAX_AMOUNT_PENCE + " pence, but was "
          + amountPence);
    }
    if (refundAmountAvailablePence < amountPence) {
      throw new IllegalArgumentException("cannot refund " + amountPence + " pence when " + refundAmountAvailablePence
          + " pence is available");
    }
    Answer a = send("refund payment", request("/v1/payments/" + paymentId + "/refunds")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(PayJson.refundRequest(amountPence, refundAmountAvailablePence)))
        .build());
    if (a.status == 412) {
      return new RefundResult.AmountAvailableMismatch();
    }
    Optional<String> code = PayJson.errorCode(a.json);
    if (a.status == 400 && code.filter("P0603"::equals).isPresent()) {
      return new RefundResult.NotAvailable(code.get());
    }
    if (a.status != 200 && a.status != 202) {
      throw refused("refund payment", a);
    }
    try {
      return new RefundResult.Submitted(PayJson.refund(a.requireJson("refund payment"), paymentId));
    } catch (PayJson.ShapeException e) {
      throw new PaymentProviderException("refund payment", OptionalInt.of(a.status), Optional.empty(),
          "unexpected answer: " + e.getMessage(), null);
    }
  }

  private static void checkId(String paymentId) {
    Objects.requireNonNull(paymentId, "paymentId");
    if (!ID.matcher(paymentId).matches()) {
      throw new IllegalArgumentException("a GOV.UK Pay payment id is 1 to 64 letters and digits, but was \""
          + (paymentId.length() > 40 ? paymentId.substring(0, 40) + "..." : paymentId) + "\"");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUri.resolve(path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
  }

  /** A status and, when the body was JSON, its tree. */
  private static final class Answer {
    final int status;
    final JsonNode json;

    Answer(int status, JsonNode json) {
      this.status = status;
      this.json = json;
    }

    JsonNode requireJson(String operation) {
      if (json == null || !json.isObject()) {
        throw new PaymentProviderException(operation, OptionalInt.of(status), Optional.empty(),
            "the answer was not a JSON object", null);
      }
      return json;
    }
  }

  private Answer send(String operation, HttpRequest request) {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new PaymentProviderException(operation, OptionalInt.empty(), Optional.empty(),
          "no answer within " + timeout, e);
    } catch (IOException e) {
      throw new PaymentProviderException(operation, OptionalInt.empty(), Optional.empty(),
          "could not reach " + baseUri.getHost() + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentProviderException(operation, OptionalInt.empty(), Optional.empty(), "interrupted", e);
    }
    int status = response.statusCode();
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes(maxResponseBytes + 1);
      if (body.length > maxResponseBytes) {
        throw new PaymentProviderException(operation, OptionalInt.of(status), Optional.empty(),
            "the answer was larger than " + maxResponseBytes + " bytes and was not read", null);
      }
      JsonNode json = null;
      if (body.length > 0) {
        try {
          json = PayJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
          json = null;
        }
      }
      return new Answer(status, json);
    } catch (IOException e) {
      throw new PaymentProviderException(operation, OptionalInt.of(status), Optional.empty(),
          "the answer could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static PaymentProviderException refused(String operation, Answer a) {
    String detail = a.status == 401 ? "the API key was refused"
        : PayJson.errorField(a.json).map(f -> "field " + f).orElse("");
    return new PaymentProviderException(operation, OptionalInt.of(a.status), PayJson.errorCode(a.json), detail, null);
  }

  private Payment payment(String operation, Answer a) {
    try {
      return PayJson.payment(a.requireJson(operation));
    } catch (PayJson.ShapeException e) {
      throw new PaymentProviderException(operation, OptionalInt.of(a.status), Optional.empty(),
          "unexpected answer: " + e.getMessage(), null);
    }
  }

  @Override
  public String toString() {
    return "GovUkPay[" + baseUri + ", key=(hidden), timeout=" + timeout + "]";
  }

  /** Configures a {@link GovUkPay}. */
  public static final class Builder {
    private String apiKey;
    private URI baseUri = DEFAULT_BASE_URI;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(10);
    private String userAgent = "civickit-pay/0.1 (+https://civickit.io)";
    private int maxResponseBytes = 64 * 1024;
    private HttpClient http;

    private Builder() {}

    /**
     * The API key (required). A test key talks to GOV.UK Pay's sandbox.
     *
     * @param key the key, as GOV.UK Pay's admin tool showed it
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds spaces or control characters
     *     (the message never repeats the key)
     */
    public Builder apiKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("an API key is printable ASCII without spaces; the one given (of "
            + key.length() + " characters) is not");
      }
      this.apiKey = key;
      return this;
    }

    /**
     * The API's address (default {@link GovUkPay#DEFAULT_BASE_URI}): {@code https}, or
     * {@code http} on localhost for a fake.
     *
     * @param uri the base address
     * @return this builder
     * @throws IllegalArgumentException if it is not https, or http anywhere but localhost
     */
    public Builder baseUri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!PaymentRequest.isAllowedReturnUrl(uri)) {
        throw new IllegalArgumentException("the API address must be https (http only on localhost), but was " + uri);
      }
      this.baseUri = uri;
      return this;
    }

    /**
     * The clock the payment step and reconciler use by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long to wait to connect and for each answer (default 10 seconds).
     *
     * @param value between 1 millisecond and 2 minutes
     * @return this builder
     */
    public Builder timeout(Duration value) {
      Objects.requireNonNull(value, "timeout");
      if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(2)) > 0) {
        throw new IllegalArgumentException("timeout must be positive and at most 2 minutes, but was " + value);
      }
      this.timeout = value;
      return this;
    }

    /**
     * The {@code User-Agent} sent with every call.
     *
     * @param value printable ASCII, 1 to 200 characters
     * @return this builder
     */
    public Builder userAgent(String value) {
      Objects.requireNonNull(value, "userAgent");
      if (value.isBlank() || value.length() > 200 || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("a User-Agent is 1 to 200 printable ASCII characters, but was \"" + value + "\"");
      }
      this.userAgent = value;
      return this;
    }

    /**
     * The largest answer read, in bytes (default 64 KiB).
     *
     * @param value 1 KiB to 16 MiB
     * @return this builder
     */
    public Builder maxResponseBytes(int value) {
      if (value < 1024 || value > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be 1024 to 16777216, but was " + value);
      }
      this.maxResponseBytes = value;
      return this;
    }

    /**
     * The HTTP client to use (default: a new one that never follows redirects).
     *
     * @param value the client
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      this.http = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was given
     */
    public GovUkPay build() {
      if (apiKey == null) {
        throw new IllegalStateException("a GOV.UK Pay client needs an API key: call apiKey(...)");
      }
      return new GovUkPay(this);
    }
  }
}
