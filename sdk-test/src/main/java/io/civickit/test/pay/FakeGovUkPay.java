package io.civickit.test.pay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.owasp.encoder.Encode;

/**
 * A fake GOV.UK Pay public API on 127.0.0.1 (a free port), with a small card page that can
 * succeed, decline, expire or be cancelled. For tests (register it as a JUnit 5 extension, which
 * stops it after the class) and for running a service with no Pay account ({@link #start()}).
 *
 * <pre>{@code
 * @RegisterExtension static final FakeGovUkPay PAY = FakeGovUkPay.start();
 * GovUkPay client = GovUkPay.builder().apiKey(PAY.apiKey()).baseUri(PAY.baseUri()).build();
 * }</pre>
 *
 * <p>It serves {@code POST /v1/payments}, {@code GET /v1/payments/{id}},
 * {@code POST /v1/payments/{id}/capture}, {@code POST /v1/payments/{id}/cancel} and
 * {@code POST /v1/payments/{id}/refunds}, and checks requests as GOV.UK Pay's OpenAPI
 * specification and API reference document them:
 * <ul>
 *   <li>{@code Authorization: Bearer <key>} on every call, else 401 with no body.
 *   <li>{@code Content-Type: application/json} on bodies (else 415); JSON that parses (else 400
 *       {@code P0197}); no attribute the specification does not list (else 400 {@code P0104});
 *       the required attributes {@code amount, reference, description, return_url} (else 400
 *       {@code P0101}).
 *   <li>Values (else 422 {@code P0102}, naming the field): {@code amount} a whole number
 *       1 to 10,000,000 (0 needs a zero-amount account, which the fake is not);
 *       {@code reference} and {@code description} text of at most 255 characters;
 *       {@code return_url} at most 2,000 characters, {@code https}, or {@code http} on localhost;
 *       {@code language} {@code en} or {@code cy}; {@code email} at most 254 characters;
 *       {@code delayed_capture} true or false; {@code metadata} at most 10 pairs, names 1 to 30
 *       characters, values text of at most 50 characters, numbers or true/false.
 *   <li>{@code Idempotency-Key}: letters, digits and hyphens; the same key with the same body
 *       returns the payment already made (200), with another body 409 {@code P0191}.
 * </ul>
 * Answers follow the specification's shapes ({@code CreatePaymentResult},
 * {@code PaymentWithAllLinks}, {@code Refund}, {@code RequestError}). The card page is labelled
 * as a test payment on every view; it takes no card details. Payments are in memory.
 */
// Over 500 lines and kept whole: a stand-in GOV.UK Pay (the API, the payment state machine, the
// hosted card page and signed webhooks) that a test starts as one server; it is test kit, not
// production code.
public final class FakeGovUkPay implements AutoCloseable, AfterAllCallback {

  /** What the person does on the card page (or a test does with {@link #complete}). */
  public enum Action {
    /** Pays: {@code success}, or {@code capturable} with delayed capture. */
    PAY,
    /** The card is declined: {@code failed}, {@code P0010}. */
    DECLINE,
    /** The page times out: {@code failed}, {@code P0020}. */
    EXPIRE,
    /** The person cancels: {@code failed}, {@code P0030}. */
    CANCEL,
    /** The provider fails: {@code error}, {@code P0050}. */
    ERROR
  }

  /**
   * One request as received, for tests to check what a client sent.
   *
   * @param method the HTTP method
   * @param path the path
   * @param headers the headers that matter (Authorization redacted to its scheme, Content-Type,
   *     Idempotency-Key, User-Agent), lower-case names
   * @param body the body as text (empty without one)
   */
  public record Request(String method, String path, Map<String, String> headers, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern PAYMENT_PATH = Pattern.compile("/v1/payments/([a-z0-9]{26})(/capture|/cancel|/refunds)?");
  private static final Pattern SECURE_PATH = Pattern.compile("/secure/([a-f0-9]{32})");
  private static final Set<String> CREATE_FIELDS = Set.of("amount", "reference", "description", "return_url",
      "language", "email", "metadata", "delayed_capture", "moto", "prefilled_cardholder_details",
      "authorisation_mode", "agreement_id", "agreement_payment_type", "set_up_agreement");

  private final String apiKey;
  private final Clock clock;
  private final Optional<URI> webhookUrl;
  private final Optional<String> webhookSecret;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, FakePayment> payments = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, String[]> idempotency = new LinkedHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Integer> failures = new ArrayList<>();
  private int answersToLose;
  private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One payment's state. */
  private static final class FakePayment {
    String id;
    String token;
    long amount;
    String reference;
    String description;
    String returnUrl;
    String language;
    String email;
    JsonNode metadata;
    boolean delayedCapture;
    Instant created;
    String status = "created";
    String code;
    String message;
    long refunded;
    final List<ObjectNode> refunds = new ArrayList<>();
  }

  private FakeGovUkPay(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.clock = b.clock;
    this.webhookUrl = b.webhookUrl;
    this.webhookSecret = b.webhookSecret;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-govuk-pay");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake with a random API key and the system clock. */
  public static FakeGovUkPay start() {
    return builder().start();
  }

  /** Starts configuring a fake. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link FakeGovUkPay}. */
  public static final class Builder {
    private String apiKey = "api_test_fake_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private Clock clock = Clock.systemUTC();
    private Optional<URI> webhookUrl = Optional.empty();
    private Optional<String> webhookSecret = Optional.empty();

    private Builder() {}

    /**
     * The API key the fake accepts.
     *
     * @param key printable ASCII without spaces
     * @return this builder
     */
    public Builder apiKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("an API key is printable ASCII without spaces");
      }
      this.apiKey = key;
      return this;
    }

    /**
     * The clock for {@code created_date}.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sends a signed webhook message to {@code url} after each payment finishes (succeeds,
     * fails, is captured or cancelled), as GOV.UK Pay does, before the card page redirects.
     *
     * @param url the service's webhook endpoint
     * @param signingSecret the secret the body is signed with ({@code Pay-Signature})
     * @return this builder
     */
    public Builder webhooks(URI url, String signingSecret) {
      this.webhookUrl = Optional.of(Objects.requireNonNull(url, "url"));
      this.webhookSecret = Optional.of(Objects.requireNonNull(signingSecret, "signingSecret"));
      return this;
    }

    /** Starts the fake on a free port of 127.0.0.1. */
    public FakeGovUkPay start() {
      try {
        return new FakeGovUkPay(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the fake GOV.UK Pay", e);
      }
    }
  }

  // ---- for tests -----------------------------------------------------------------------------

  /** Where the fake listens, for {@code GovUkPay.builder().baseUri(...)}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The API key the fake accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** How many payments have been created. */
  public synchronized int paymentCount() {
    return payments.size();
  }

  /** The ids of the payments created, oldest first. */
  public synchronized List<String> paymentIds() {
    return List.copyOf(payments.keySet());
  }

  /** A payment's status ({@code created}... {@code success}), if the fake has it. */
  public synchronized Optional<String> status(String paymentId) {
    return Optional.ofNullable(payments.get(paymentId)).map(p -> p.status);
  }

  /** Every request received, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /**
   * Makes the next API calls fail with these HTTP statuses, one each, before any checking
   * (500 and 429 answer GOV.UK Pay's error shapes).
   *
   * @param statuses the statuses, in order
   */
  public synchronized void failNext(int... statuses) {
    for (int s : statuses) {
      failures.add(s);
    }
  }

  /**
   * Makes the next {@code n} API calls do their work (create the payment, capture, refund) and
   * then answer HTTP 500 as if the answer were lost on the way: a client that retries must not
   * create a second payment.
   *
   * @param n how many answers to lose
   */
  public synchronized void loseNextAnswers(int n) {
    answersToLose += n;
  }

  private synchronized boolean loseThisAnswer() {
    if (answersToLose > 0) {
      answersToLose--;
      return true;
    }
    return false;
  }

  /**
   * Does what the person would do on the card page, without a browser: for tests of a person who
   * paid and closed the browser before coming back.
   *
   * @param paymentId the payment
   * @param action what happens
   * @throws IllegalStateException if the payment has finished or is unknown
   */
  public void complete(String paymentId, Action action) {
    FakePayment p;
    synchronized (this) {
      p = payments.get(paymentId);
      if (p == null || !(p.status.equals("created") || p.status.equals("started") || p.status.equals("submitted"))) {
        throw new IllegalStateException("payment " + paymentId + " is " + (p == null ? "unknown" : p.status)
            + " and cannot be completed");
      }
      act(p, action);
    }
    webhook(p, eventFor(p));
  }

  private void act(FakePayment p, Action action) {
    switch (action) {
      case PAY -> p.status = p.delayedCapture ? "capturable" : "success";
      case DECLINE -> fail(p, "failed", "P0010", "Payment method rejected");
      case EXPIRE -> fail(p, "failed", "P0020", "Payment expired");
      case CANCEL -> fail(p, "failed", "P0030", "Payment was cancelled by the user");
      case ERROR -> fail(p, "error", "P0050", "Payment provider returned an error");
      default -> throw new IllegalArgumentException(String.valueOf(action));
    }
  }

  private static void fail(FakePayment p, String status, String code, String message) {
    p.status = status;
    p.code = code;
    p.message = message;
  }

  private static String eventFor(FakePayment p) {
    return switch (p.status) {
      case "success" -> "card_payment_succeeded";
      case "capturable" -> "card_payment_succeeded";
      case "error" -> "card_payment_failed";
      case "cancelled" -> "card_payment_cancelled";
      default -> "P0020".equals(p.code) ? "card_payment_expired" : "card_payment_failed";
    };
  }

  /**
   * Sends one webhook message about a payment now, signed as GOV.UK Pay signs them.
   *
   * @param paymentId the payment
   * @param eventType the event type, such as {@code card_payment_succeeded}
   * @param url where to send it
   * @param signingSecret the secret to sign with
   * @return the HTTP status the service answered
   */
  public int sendWebhook(String paymentId, String eventType, URI url, String signingSecret) {
    byte[] body;
    synchronized (this) {
      FakePayment p = payments.get(paymentId);
      if (p == null) {
        throw new IllegalStateException("payment " + paymentId + " is unknown");
      }
      body = webhookBody(p, eventType);
    }
    try {
      HttpResponse<Void> r = webhookClient.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").header("Pay-Signature", sign(body, signingSecret))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("could not deliver the webhook", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private byte[] webhookBody(FakePayment p, String eventType) {
    ObjectNode n = JSON.createObjectNode();
    n.put("webhook_message_id", hex(13));
    n.put("created_date", DATE.format(clock.instant()));
    n.put("resource_id", p.id);
    n.put("api_version", 1);
    n.put("resource_type", "payment");
    n.put("event_type", eventType);
    n.set("resource", paymentJson(p));
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * HMAC-SHA256 of the body with the secret, as lower-case hex: GOV.UK Pay's {@code Pay-Signature}.
   *
   * @param body the body
   * @param secret the signing secret
   * @return the signature
   */
  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void webhook(FakePayment p, String eventType) {
    if (webhookUrl.isPresent()) {
      sendWebhook(p.id, eventType, webhookUrl.get(), webhookSecret.orElseThrow());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public String toString() {
    return "FakeGovUkPay[" + baseUri() + "]";
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(1024 * 1024);
      }
      if (path.startsWith("/secure/")) {
        cardPage(ex, path, body);
        return;
      }
      record(ex, path, body);
      Integer failure;
      synchronized (this) {
        failure = failures.isEmpty() ? null : failures.remove(0);
      }
      if (failure != null) {
        error(ex, failure, failure == 429 ? "P0900" : "P0198", failure == 429 ? "Too many requests"
            : "Downstream system error", null);
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !java.security.MessageDigest.isEqual(("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8),
          auth.getBytes(StandardCharsets.UTF_8))) {
        send(ex, 401, null);
        return;
      }
      String method = ex.getRequestMethod();
      if (path.equals("/v1/payments") && method.equals("POST")) {
        create(ex, body);
        return;
      }
      Matcher m = PAYMENT_PATH.matcher(path);
      if (!m.matches()) {
        send(ex, 404, null);
        return;
      }
      String id = m.group(1);
      String action = m.group(2) == null ? "" : m.group(2);
      if (action.isEmpty() && method.equals("GET")) {
        get(ex, id);
      } else if (action.equals("/capture") && method.equals("POST")) {
        capture(ex, id);
      } else if (action.equals("/cancel") && method.equals("POST")) {
        cancel(ex, id);
      } else if (action.equals("/refunds") && method.equals("POST")) {
        refund(ex, id, body);
      } else {
        send(ex, 405, null);
      }
    } catch (RuntimeException e) {
      send(ex, 500, error("P0198", "Downstream system error", null));
    }
  }

  private void record(HttpExchange ex, String path, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      h.put("authorization", auth.startsWith("Bearer ") ? "Bearer (redacted)" : "(not a Bearer token)");
    }
    for (String name : List.of("Content-Type", "Idempotency-Key", "User-Agent", "Accept")) {
      String v = ex.getRequestHeaders().getFirst(name);
      if (v != null) {
        h.put(name.toLowerCase(Locale.ROOT), v);
      }
    }
    requests.add(new Request(ex.getRequestMethod(), path, h, new String(body, StandardCharsets.UTF_8)));
  }

  private static boolean isJson(HttpExchange ex) {
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** The body as a JSON object, or null after answering 415 or 400 with {@code parseCode}. */
  private JsonNode jsonBody(HttpExchange ex, byte[] body, String parseCode) throws IOException {
    if (!isJson(ex)) {
      send(ex, 415, null);
      return null;
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      n = null;
    }
    if (n == null || !n.isObject()) {
      send(ex, 400, error(parseCode, "Unable to parse JSON", null));
      return null;
    }
    return n;
  }

  private void create(HttpExchange ex, byte[] body) throws IOException {
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    if (isJson(ex) && key != null && (key.length() > 255 || !key.matches("^$|^[a-zA-Z0-9-]+$"))) {
      error(ex, 422, "P0102", "Header [Idempotency-Key] can only contain alphanumeric characters and hyphens", null);
      return;
    }
    JsonNode n = jsonBody(ex, body, "P0197");
    if (n == null) {
      return;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!CREATE_FIELDS.contains(f)) {
        error(ex, 400, "P0104", "Unexpected attribute: " + f, f);
        return;
      }
    }
    for (String f : List.of("amount", "reference", "description", "return_url")) {
      if (!n.hasNonNull(f)) {
        error(ex, 400, "P0101", "Missing mandatory attribute: " + f, f);
        return;
      }
    }
    String bad = invalidField(n);
    if (bad != null) {
      String field = bad.substring(0, bad.indexOf(':'));
      error(ex, 422, "P0102", "Invalid attribute value: " + field + ". " + bad.substring(bad.indexOf(':') + 2), field);
      return;
    }
    String bodyKey = JSON.writeValueAsString(n);
    FakePayment p;
    int status;
    synchronized (this) {
      if (key != null && !key.isEmpty() && idempotency.containsKey(key)) {
        String[] seen = idempotency.get(key);
        if (!seen[0].equals(bodyKey)) {
          error(ex, 409, "P0191",
              "The `Idempotency-Key` you sent in the request header has already been used to create a payment.", null);
          return;
        }
        p = payments.get(seen[1]);
        status = 200;
      } else {
        p = new FakePayment();
        p.id = lowerAlnum(26);
        p.token = hex(16);
        p.amount = n.get("amount").asLong();
        p.reference = n.get("reference").asText();
        p.description = n.get("description").asText();
        p.returnUrl = n.get("return_url").asText();
        p.language = n.path("language").asText("en");
        p.email = n.hasNonNull("email") ? n.get("email").asText() : null;
        p.metadata = n.get("metadata");
        p.delayedCapture = n.path("delayed_capture").asBoolean(false);
        p.created = clock.instant();
        payments.put(p.id, p);
        tokens.put(p.token, p.id);
        if (key != null && !key.isEmpty()) {
          idempotency.put(key, new String[] {bodyKey, p.id});
        }
        status = 201;
      }
    }
    ex.getResponseHeaders().add("Location", baseUri() + "/v1/payments/" + p.id);
    send(ex, status, paymentJson(p));
  }

  /** The first invalid value as "field: why", or null. */
  private static String invalidField(JsonNode n) {
    JsonNode amount = n.get("amount");
    if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
      return "amount: Must be a whole number";
    }
    if (amount.asLong() < 1) {
      return "amount: Must be greater than or equal to 1";
    }
    if (amount.asLong() > 10_000_000) {
      return "amount: Must be less than or equal to 10000000";
    }
    for (String f : List.of("reference", "description")) {
      JsonNode v = n.get(f);
      if (!v.isTextual()) {
        return f + ": Must be text";
      }
      if (v.asText().length() > 255) {
        return f + ": Must be less than or equal to 255 characters length";
      }
    }
    JsonNode url = n.get("return_url");
    if (!url.isTextual() || url.asText().length() > 2000) {
      return "return_url: Must be less than or equal to 2000 characters length";
    }
    if (!allowedReturnUrl(url.asText())) {
      return "return_url: Must be a valid URL format";
    }
    if (n.has("language") && !(n.get("language").isTextual() && Set.of("en", "cy").contains(n.get("language").asText()))) {
      return "language: Must be one of en, cy";
    }
    if (n.has("email") && !(n.get("email").isTextual() && n.get("email").asText().length() <= 254)) {
      return "email: Must be less than or equal to 254 characters length";
    }
    if (n.has("delayed_capture") && !n.get("delayed_capture").isBoolean()) {
      return "delayed_capture: Must be true or false";
    }
    if (n.has("authorisation_mode") && !n.get("authorisation_mode").asText().equals("web")) {
      return "authorisation_mode: This fake supports web payments only";
    }
    if (n.has("moto") && n.get("moto").asBoolean(false)) {
      return "moto: MOTO payments are not enabled for this account";
    }
    if (n.has("metadata")) {
      JsonNode md = n.get("metadata");
      if (!md.isObject() || md.size() > 10) {
        return "metadata: Must be an object of up to 10 name/value pairs";
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (e.getKey().isEmpty() || e.getKey().length() > 30) {
          return "metadata: Keys must be between 1 and 30 characters long";
        }
        if (!(v.isTextual() || v.isNumber() || v.isBoolean()) || (v.isTextual() && v.asText().length() > 50)) {
          return "metadata: Values must be text of at most 50 characters, numbers or true/false";
        }
      }
    }
    return null;
  }

  private static boolean allowedReturnUrl(String s) {
    try {
      URI u = new URI(s);
      if (!u.isAbsolute() || u.getHost() == null || u.getScheme() == null) {
        return false;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("https") || (scheme.equals("http")
          && (u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1")));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private void get(HttpExchange ex, String id) throws IOException {
    ObjectNode json;
    synchronized (this) {
      FakePayment p = payments.get(id);
      if (p == null) {
        error(ex, 404, "P0200", "Not found", null);
        return;
      }
      json = paymentJson(p);
    }
    send(ex, 200, json);
  }

  private void capture(HttpExchange ex, String id) throws IOException {
    FakePayment p;
    synchronized (this) {
      p = payments.get(id);
      if (p == null) {
        error(ex, 404, "P1000", "Not found", null);
        return;
      }
      if (!p.status.equals("capturable")) {
        error(ex, 409, "P1003", "Payment cannot be captured", null);
        return;
      }
      p.status = "success";
    }
    send(ex, 204, null);
    webhook(p, "card_payment_captured");
  }

  private void cancel(HttpExchange ex, String id) throws IOException {
    FakePayment p;
    synchronized (this) {
      p = payments.get(id);
      if (p == null) {
        error(ex, 404, "P0500", "Not found", null);
        return;
      }
      if (!Set.of("created", "started", "submitted", "capturable").contains(p.status)) {
        error(ex, 400, "P0501", "Cancellation of payment failed", null);
        return;
      }
      fail(p, "cancelled", "P0040", "Payment was cancelled by the service");
    }
    send(ex, 204, null);
    webhook(p, "card_payment_cancelled");
  }

  private void refund(HttpExchange ex, String id, byte[] body) throws IOException {
    JsonNode n = jsonBody(ex, body, "P0697");
    if (n == null) {
      return;
    }
    if (!n.hasNonNull("amount")) {
      error(ex, 400, "P0601", "Missing mandatory attribute: amount", "amount");
      return;
    }
    JsonNode amount = n.get("amount");
    if (!amount.isIntegralNumber() || amount.asLong() < 1 || amount.asLong() > 10_000_000) {
      error(ex, 422, "P0602", "Invalid attribute value: amount. Must be between 1 and 10000000", "amount");
      return;
    }
    JsonNode available = n.get("refund_amount_available");
    if (available != null && !available.isIntegralNumber()) {
      error(ex, 422, "P0602", "Invalid attribute value: refund_amount_available. Must be a whole number",
          "refund_amount_available");
      return;
    }
    ObjectNode refund;
    synchronized (this) {
      FakePayment p = payments.get(id);
      if (p == null) {
        error(ex, 404, "P0600", "Not found", null);
        return;
      }
      if (!p.status.equals("success")) {
        error(ex, 400, "P0603", "The payment is not available for refund. Payment refund status: unavailable", null);
        return;
      }
      long left = p.amount - p.refunded;
      if (available != null && available.asLong() != left) {
        error(ex, 412, "P0604", "Refund amount available mismatch.", null);
        return;
      }
      if (amount.asLong() > left) {
        error(ex, 400, "P0603", "The payment is not available for refund. Payment refund status: full", null);
        return;
      }
      p.refunded += amount.asLong();
      refund = JSON.createObjectNode();
      refund.put("refund_id", lowerAlnum(26));
      refund.put("created_date", DATE.format(clock.instant()));
      refund.put("amount", amount.asLong());
      refund.put("status", "success");
      ObjectNode links = refund.putObject("_links");
      link(links, "self", baseUri() + "/v1/payments/" + id + "/refunds/" + refund.get("refund_id").asText(), "GET");
      link(links, "payment", baseUri() + "/v1/payments/" + id, "GET");
      p.refunds.add(refund);
    }
    send(ex, 202, refund);
  }

  private synchronized ObjectNode paymentJson(FakePayment p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("amount", p.amount);
    n.put("description", p.description);
    n.put("reference", p.reference);
    n.put("language", p.language);
    if (p.email != null) {
      n.put("email", p.email);
    }
    if (p.metadata != null) {
      n.set("metadata", p.metadata);
    }
    ObjectNode state = n.putObject("state");
    state.put("status", p.status);
    state.put("finished", Set.of("success", "failed", "cancelled", "error").contains(p.status));
    if (p.code != null) {
      state.put("message", p.message);
      state.put("code", p.code);
    }
    n.put("payment_id", p.id);
    n.put("payment_provider", "sandbox");
    n.put("created_date", DATE.format(p.created));
    n.put("return_url", p.returnUrl);
    n.put("delayed_capture", p.delayedCapture);
    n.put("moto", false);
    n.put("authorisation_mode", "web");
    ObjectNode rs = n.putObject("refund_summary");
    long left = p.amount - p.refunded;
    rs.put("status", p.status.equals("success") ? (left == 0 ? "full" : "available")
        : Set.of("failed", "cancelled", "error").contains(p.status) ? "unavailable" : "pending");
    rs.put("amount_available", p.status.equals("success") ? left : 0);
    rs.put("amount_submitted", p.refunded);
    ObjectNode links = n.putObject("_links");
    String self = baseUri() + "/v1/payments/" + p.id;
    link(links, "self", self, "GET");
    if (p.status.equals("created") || p.status.equals("started")) {
      link(links, "next_url", baseUri() + "/secure/" + p.token, "GET");
      ObjectNode post = link(links, "next_url_post", baseUri() + "/secure", "POST");
      post.put("type", "application/x-www-form-urlencoded");
      post.putObject("params").put("chargeTokenId", p.token);
    }
    link(links, "events", self + "/events", "GET");
    link(links, "refunds", self + "/refunds", "GET");
    if (Set.of("created", "started", "submitted", "capturable").contains(p.status)) {
      link(links, "cancel", self + "/cancel", "POST");
    }
    if (p.status.equals("capturable")) {
      link(links, "capture", self + "/capture", "POST");
    }
    return n;
  }

  private static ObjectNode link(ObjectNode links, String name, String href, String method) {
    ObjectNode l = links.putObject(name);
    l.put("href", href);
    l.put("method", method);
    return l;
  }

  private static ObjectNode error(String code, String description, String field) {
    ObjectNode e = JSON.createObjectNode();
    if (field != null) {
      e.put("field", field);
    }
    e.put("code", code);
    e.put("description", description);
    return e;
  }

  private void error(HttpExchange ex, int status, String code, String description, String field)
      throws IOException {
    send(ex, status, error(code, description, field));
  }

  private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    if (status < 300 && ex.getRequestURI().getPath().startsWith("/v1/") && loseThisAnswer()) {
      status = 500;
      body = error("P0198", "Downstream system error", null);
    }
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private String lowerAlnum(int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  // ---- the card page -------------------------------------------------------------------------

  private void cardPage(HttpExchange ex, String path, byte[] body) throws IOException {
    Matcher m = SECURE_PATH.matcher(path);
    FakePayment p;
    synchronized (this) {
      p = m.matches() ? Optional.ofNullable(tokens.get(m.group(1))).map(payments::get).orElse(null) : null;
    }
    if (p == null) {
      html(ex, 404, page("Payment not found", "<h1 class=\"govuk-heading-l\">Payment not found</h1>"
          + "<p class=\"govuk-body\">This payment link is not valid.</p>", "en"));
      return;
    }
    if (ex.getRequestMethod().equals("POST")) {
      Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
      Action action;
      try {
        action = Action.valueOf(form.getOrDefault("action", "").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        html(ex, 400, page("Bad request", "<h1 class=\"govuk-heading-l\">Choose what happens</h1>", p.language));
        return;
      }
      boolean acted = false;
      synchronized (this) {
        if (p.status.equals("created") || p.status.equals("started")) {
          act(p, action);
          acted = true;
        }
      }
      if (acted) {
        webhook(p, eventFor(p));
      }
      ex.getResponseHeaders().set("Location", p.returnUrl);
      ex.sendResponseHeaders(303, -1);
      return;
    }
    String status;
    synchronized (this) {
      if (p.status.equals("created")) {
        p.status = "started";
      }
      status = p.status;
    }
    boolean cy = p.language.equals("cy");
    String amount = "£" + String.format(Locale.UK, "%,.2f", p.amount / 100.0);
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"govuk-warning-text\"><strong class=\"govuk-warning-text__text\">")
        .append(cy ? "Taliad PRAWF yw hwn. Ni fydd unrhyw arian yn cael ei gymryd."
            : "This is a TEST payment. No money will be taken.")
        .append("</strong></div>");
    b.append("<h1 class=\"govuk-heading-l\">").append(cy ? "Talu" : "Make a test payment").append("</h1>");
    b.append("<dl class=\"govuk-summary-list\"><div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
        .append(cy ? "Disgrifiad" : "Description").append("</dt><dd class=\"govuk-summary-list__value\">")
        .append(Encode.forHtml(p.description)).append("</dd></div><div class=\"govuk-summary-list__row\">")
        .append("<dt class=\"govuk-summary-list__key\">").append(cy ? "Cyfanswm" : "Total amount")
        .append("</dt><dd class=\"govuk-summary-list__value\" id=\"amount\">").append(Encode.forHtml(amount))
        .append("</dd></div></dl>");
    if (!status.equals("started")) {
      b.append("<p class=\"govuk-body\">").append(cy ? "Mae'r taliad hwn wedi dod i ben." : "This payment has finished.")
          .append("</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"").append(Encode.forHtmlAttribute(p.returnUrl))
          .append("\">").append(cy ? "Yn ôl i'r gwasanaeth" : "Return to the service").append("</a></p>");
    } else {
      b.append("<p class=\"govuk-body\">").append(cy ? "Dewiswch beth sy'n digwydd i'r taliad prawf hwn."
          : "Choose what happens to this test payment.").append("</p>");
      button(b, p.token, "pay", cy ? "Talu " + amount + " (prawf: llwyddo)" : "Pay " + amount + " (test: succeeds)",
          "govuk-button");
      button(b, p.token, "decline", cy ? "Gwrthod y cerdyn (prawf)" : "Decline the card (test)",
          "govuk-button govuk-button--secondary");
      button(b, p.token, "expire", cy ? "Gadael i'r sesiwn ddod i ben (prawf)" : "Let the session time out (test)",
          "govuk-button govuk-button--secondary");
      button(b, p.token, "cancel", cy ? "Canslo'r taliad" : "Cancel payment", "govuk-button govuk-button--warning");
    }
    html(ex, 200, page(cy ? "Taliad prawf" : "Test payment", b.toString(), p.language));
  }

  private static void button(StringBuilder b, String token, String action, String label, String css) {
    b.append("<form method=\"post\" action=\"/secure/").append(token).append("\" novalidate>")
        .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
        .append("<button type=\"submit\" class=\"").append(css).append("\" data-module=\"govuk-button\" id=\"")
        .append(action).append("\">").append(Encode.forHtml(label)).append("</button></form>");
  }

  private static String page(String title, String main, String lang) {
    return "<!DOCTYPE html><html lang=\"" + (lang.equals("cy") ? "cy" : "en") + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Encode.forHtml(title) + " – TEST – GOV.UK Pay (fake)</title><style>" + CSS + "</style></head>"
        + "<body class=\"govuk-template__body\"><a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>"
        + "<header class=\"govuk-header\"><div class=\"govuk-width-container\"><span class=\"govuk-header__logotype\">"
        + "GOV.UK Pay</span> <strong class=\"govuk-tag\">TEST</strong></div></header>"
        + "<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">" + main
        + "</main></div><footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
        + "A fake of GOV.UK Pay for testing. No card details are asked for and no money is taken.</div></footer>"
        + "</body></html>";
  }

  private static final String CSS = "body{margin:0;font-family:arial,sans-serif;color:#0b0c0c;font-size:19px;line-height:1.3}"
      + ".govuk-width-container{max-width:960px;margin:0 15px}.govuk-header{background:#0b0c0c;color:#fff;padding:10px 0}"
      + ".govuk-header__logotype{font-weight:700;font-size:24px}.govuk-tag{background:#f47738;color:#0b0c0c;padding:2px 8px}"
      + ".govuk-skip-link{position:absolute;left:-9999px}.govuk-skip-link:focus{position:static;background:#fd0}"
      + ".govuk-main-wrapper{padding:30px 0}.govuk-heading-l{font-size:36px;margin:0 0 20px}"
      + ".govuk-warning-text{border-left:10px solid #d4351c;padding:10px 15px;margin-bottom:20px;font-weight:700}"
      + ".govuk-summary-list{margin:0 0 20px}.govuk-summary-list__row{display:flex;border-bottom:1px solid #b1b4b6;padding:10px 0}"
      + ".govuk-summary-list__key{font-weight:700;width:30%;margin:0}.govuk-summary-list__value{margin:0}"
      + ".govuk-button{font-size:19px;padding:8px 10px;margin:0 0 15px;border:0;background:#00703c;color:#fff;"
      + "box-shadow:0 2px 0 #002d18;cursor:pointer}.govuk-button--secondary{background:#f3f2f1;color:#0b0c0c;"
      + "box-shadow:0 2px 0 #929191}.govuk-button--warning{background:#d4351c;box-shadow:0 2px 0 #55150b}"
      + ".govuk-button:focus,.govuk-link:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}"
      + ".govuk-link{color:#1d70b8}.govuk-footer{border-top:1px solid #b1b4b6;padding:20px 0;font-size:16px;background:#f3f2f1}";

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void html(HttpExchange ex, int status, String html) throws IOException {
    byte[] b = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }
}
