package io.civickit.test.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake GOV.UK Notify API v2 on a local port, for tests: it checks requests the way Notify does
 * and records what was sent, so a council can test its notifications without a Notify account.
 *
 * <pre>{@code
 * try (FakeNotify notify = FakeNotify.start()) {
 *   GovUkNotifyChannel channel = GovUkNotify.builder()
 *       .apiKey(notify.apiKey()).baseUrl(notify.baseUrl()).build();
 *   ... exercise the code under test ...
 *   assertThat(notify.sent()).singleElement().satisfies(n -> assertThat(n.type()).isEqualTo("email"));
 * }
 * }</pre>
 *
 * <p>What it checks, as Notify documents it:
 * <ul>
 *   <li>{@code Authorization: Bearer <JWT>} on every request: HS256, signed with the API key's
 *       secret, {@code iss} the service id, {@code iat} within 30 seconds of the fake's clock.
 *       Failures answer 403 {@code AuthError} (401 when there is no token at all).
 *   <li>The JSON bodies of {@code POST /v2/notifications/email|sms|letter}: required fields,
 *       field types, UUIDs, no additional properties, an email address or phone number that
 *       looks real, a letter address of at least three lines. Failures answer 400
 *       {@code ValidationError}; an unknown template (once templates are registered) or missing
 *       personalisation answers 400 {@code BadRequestError}.
 *   <li>Files sent by email: a personalisation value that is an object must be Notify's file
 *       object ({@code file} in base64 up to 2 MB, {@code filename} with an extension or
 *       {@code is_csv}, {@code confirm_email_before_download}, {@code retention_period} of 1 to
 *       78 weeks).
 *   <li>Responses and errors in Notify's JSON: 201 with {@code id, reference, content, uri,
 *       template}; errors as {@code {"status_code": n, "errors": [{"error", "message"}]}}.
 * </ul>
 * It serves {@code GET /v2/notifications/{id}} and {@code GET /v2/notifications?reference=...}.
 *
 * <p>It can be told to fail ({@link #failNext}, {@link #failRandomly}) in the ways a real
 * provider does, including accepting a message and then losing the response.
 */
// Over 500 lines and kept whole: a test double of GOV.UK Notify's HTTP API (endpoints, API-key
// auth, validation and Notify's error bodies) that a test starts as one thing; it is test kit,
// not production code.
public final class FakeNotify implements AutoCloseable {

  /** Ways the fake can fail a send. */
  public enum Failure {
    /** 500 without recording the message. */
    SERVER_ERROR,
    /** Record the message, then answer 500: accepted, but the caller cannot know. */
    ACCEPT_THEN_SERVER_ERROR,
    /** Wait longer than the caller's timeout, then answer 500 without recording. */
    TIMEOUT,
    /** Record the message, then wait longer than the caller's timeout: the response is lost. */
    ACCEPT_THEN_TIMEOUT,
    /** 429 {@code RateLimitError} with {@code Retry-After: 1}. */
    RATE_LIMIT,
    /** 429 {@code TooManyRequestsError}: the daily limit is used up. */
    DAILY_LIMIT
  }

  /**
   * A notification the fake accepted.
   *
   * @param id the id the fake gave it
   * @param type {@code email}, {@code sms} or {@code letter}
   * @param templateId the template id sent
   * @param recipient the email address or phone number, or the first address line of a letter
   * @param personalisation the personalisation sent (for a letter, including the address lines)
   * @param reference the reference sent, if any
   * @param body the exact JSON received
   * @param at when the fake received it
   */
  public record SentNotification(String id, String type, String templateId, String recipient,
      Map<String, Object> personalisation, Optional<String> reference, JsonNode body, Instant at) {}

  /**
   * One request the fake received, whatever became of it.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @param status the status the fake answered (0 if the response was abandoned)
   * @param at when it arrived
   */
  public record Request(String method, String path, int status, Instant at) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()?]+?)(\\?\\?[^()]*)?\\)\\)");

  private final HttpServer server;
  private final ExecutorService executor;
  private final String serviceId;
  private final String secret;
  private final Clock clock;
  private final Duration timeoutDelay;
  private final List<SentNotification> sent = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> statuses = new HashMap<>();
  private final Map<String, Template> templates = new HashMap<>();
  private final Deque<Failure> scripted = new ArrayDeque<>();
  private double failureProbability;
  private List<Failure> randomFailures = List.of();
  private SplittableRandom random = new SplittableRandom(1);

  private record Template(String type, String subject, String body) {}

  private FakeNotify(String serviceId, String secret, Clock clock, Duration timeoutDelay) throws IOException {
    this.serviceId = serviceId;
    this.secret = secret;
    this.clock = clock;
    this.timeoutDelay = timeoutDelay;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-notify");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake with a random service id and secret, the system clock, and 2-second timeouts. */
  public static FakeNotify start() {
    return builder().start();
  }

  /** A builder for a fake with a chosen clock, key or timeout delay. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link FakeNotify}. */
  public static final class Builder {
    private String serviceId = UUID.randomUUID().toString();
    private String secret = UUID.randomUUID().toString();
    private Clock clock = Clock.systemUTC();
    private Duration timeoutDelay = Duration.ofSeconds(2);

    private Builder() {}

    /** The service id tokens must carry as {@code iss}. */
    public Builder serviceId(String serviceId) {
      this.serviceId = requireUuid(serviceId, "service id");
      return this;
    }

    /** The secret tokens must be signed with. */
    public Builder secret(String secret) {
      this.secret = requireUuid(secret, "secret");
      return this;
    }

    /** The clock {@code iat} is checked against (within 30 seconds). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a {@link Failure#TIMEOUT} waits: longer than the client's request timeout. */
    public Builder timeoutDelay(Duration delay) {
      this.timeoutDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** Starts the fake on a free local port. */
    public FakeNotify start() {
      try {
        return new FakeNotify(serviceId, secret, clock, timeoutDelay);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the fake Notify", e);
      }
    }

    private static String requireUuid(String s, String what) {
      Objects.requireNonNull(s, what);
      if (!UUID_PATTERN.matcher(s).matches()) {
        throw new IllegalArgumentException("a Notify " + what + " is a UUID, but was '" + s + "'");
      }
      return s;
    }
  }

  /** Where the fake listens, for {@code GovUkNotify.builder().baseUrl(...)}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A valid API key for this fake: {@code fake-key-<service id>-<secret>}. */
  public String apiKey() {
    return "fake-key-" + serviceId + "-" + secret;
  }

  /** The service id. */
  public String serviceId() {
    return serviceId;
  }

  /**
   * Registers a template, after which only registered template ids are accepted and each send
   * must carry every {@code ((placeholder))} in it (matched case-insensitively, ignoring spaces).
   *
   * @param type {@code email}, {@code sms} or {@code letter}
   * @param subject the subject (email and letter; ignored for sms)
   */
  public synchronized FakeNotify template(String id, String type, String subject, String body) {
    if (!Set.of("email", "sms", "letter").contains(type)) {
      throw new IllegalArgumentException("a template type is email, sms or letter, but was " + type);
    }
    templates.put(id, new Template(type, subject, body));
    return this;
  }

  /** Fails the next sends, one failure each, in order. */
  public synchronized FakeNotify failNext(Failure... failures) {
    scripted.addAll(List.of(failures));
    return this;
  }

  /**
   * Fails each send with the given probability, choosing among the failures at random from the
   * seed (so a run can be repeated). Scripted failures ({@link #failNext}) come first.
   */
  public synchronized FakeNotify failRandomly(double probability, long seed, Failure... failures) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("a probability is between 0 and 1, but was " + probability);
    }
    this.failureProbability = probability;
    this.randomFailures = List.of(failures);
    this.random = new SplittableRandom(seed);
    return this;
  }

  /** Sets a notification's status, as Notify does when a message is delivered or fails. */
  public synchronized void setStatus(String notificationId, String status) {
    if (!statuses.containsKey(notificationId)) {
      throw new IllegalArgumentException("the fake has no notification " + notificationId);
    }
    statuses.put(notificationId, status);
  }

  /** Every notification accepted, in the order received. */
  public List<SentNotification> sent() {
    return List.copyOf(sent);
  }

  /** Every request received, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** How many notifications were accepted with each reference. */
  public Map<String, Long> countsByReference() {
    return sent.stream().filter(n -> n.reference().isPresent())
        .collect(Collectors.groupingBy(n -> n.reference().get(), Collectors.counting()));
  }

  /** Forgets everything sent and received, every scripted failure and the random failures. */
  public synchronized void reset() {
    sent.clear();
    requests.clear();
    statuses.clear();
    scripted.clear();
    failureProbability = 0;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    Instant at = clock.instant();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
    int status = 0;
    try {
      byte[] raw = ex.getRequestBody().readAllBytes();
      Optional<String> authProblem = authProblem(ex.getRequestHeaders().getFirst("Authorization"));
      if (authProblem.isPresent()) {
        status = authProblem.get().startsWith("Unauthorized") ? 401 : 403;
        status = error(ex, status, "AuthError", authProblem.get());
        return;
      }
      if (method.equals("POST") && path.matches("/v2/notifications/(email|sms|letter)")) {
        status = send(ex, path.substring("/v2/notifications/".length()), raw, at);
      } else if (method.equals("GET") && path.equals("/v2/notifications")) {
        status = list(ex, query);
      } else if (method.equals("GET") && path.startsWith("/v2/notifications/")) {
        status = one(ex, path.substring("/v2/notifications/".length()));
      } else {
        status = error(ex, 404, "NotFound", "The requested URL was not found on the server.");
      }
    } finally {
      requests.add(new Request(method, path + (query.isEmpty() ? "" : "?" + query), status, at));
      ex.close();
    }
  }

  private Optional<String> authProblem(String header) {
    if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
      return Optional.of("Unauthorized: authentication token must be provided");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(header.substring(7).strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Optional.of("Invalid token: signature, api token is not valid");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      return Optional.of("Invalid token: signature, api token is not valid");
    }
    if (claims.getIssuer() == null) {
      return Optional.of("Invalid token: iss field not provided");
    }
    if (!claims.getIssuer().equals(serviceId)) {
      return Optional.of("Invalid token: service not found");
    }
    try {
      if (!jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
        return Optional.of("Invalid token: API key not found");
      }
    } catch (JOSEException e) {
      return Optional.of("Invalid token: API key not found");
    }
    Date iat = claims.getIssueTime();
    if (iat == null) {
      return Optional.of("Invalid token: iat field not provided");
    }
    if (Duration.between(iat.toInstant(), clock.instant()).abs().compareTo(Duration.ofSeconds(30)) > 0) {
      return Optional.of("Error: Your system clock must be accurate to within 30 seconds");
    }
    return Optional.empty();
  }

  private int send(HttpExchange ex, String type, byte[] raw, Instant at) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      return error(ex, 400, "BadRequestError", "Invalid JSON supplied in POST data");
    }
    if (body == null || !body.isObject()) {
      return error(ex, 400, "BadRequestError", "Invalid JSON supplied in POST data");
    }
    List<String> problems = validate(type, body);
    if (!problems.isEmpty()) {
      return errors(ex, 400, "ValidationError", problems);
    }
    String templateId = body.get("template_id").asText();
    Map<String, Object> personalisation = body.has("personalisation")
        ? JSON.convertValue(body.get("personalisation"), JSON.getTypeFactory().constructMapType(LinkedHashMap.class,
            String.class, Object.class))
        : Map.of();
    Template template;
    synchronized (this) {
      template = templates.get(templateId);
      if (!templates.isEmpty() && (template == null || !template.type().equals(type))) {
        return error(ex, 400, "BadRequestError", "Template not found");
      }
    }
    if (template != null) {
      List<String> missing = missing(template, personalisation);
      if (!missing.isEmpty()) {
        return error(ex, 400, "BadRequestError", "Missing personalisation: " + String.join(", ", missing));
      }
    }
    Failure failure = nextFailure();
    if (failure == Failure.SERVER_ERROR) {
      return error(ex, 500, "Exception", "Internal server error");
    }
    if (failure == Failure.TIMEOUT) {
      pause();
      return error(ex, 500, "Exception", "Internal server error");
    }
    if (failure == Failure.RATE_LIMIT) {
      ex.getResponseHeaders().add("Retry-After", "1");
      return error(ex, 429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
    }
    if (failure == Failure.DAILY_LIMIT) {
      return error(ex, 429, "TooManyRequestsError", "Exceeded send limits (250000) for today");
    }
    String id = UUID.randomUUID().toString();
    Optional<String> reference = body.hasNonNull("reference") ? Optional.of(body.get("reference").asText())
        : Optional.empty();
    String recipient = switch (type) {
      case "email" -> body.get("email_address").asText();
      case "sms" -> body.get("phone_number").asText();
      default -> String.valueOf(personalisation.get("address_line_1"));
    };
    synchronized (this) {
      statuses.put(id, type.equals("letter") ? "accepted" : "created");
    }
    sent.add(new SentNotification(id, type, templateId, recipient, Map.copyOf(withoutNulls(personalisation)),
        reference, body, at));
    if (failure == Failure.ACCEPT_THEN_SERVER_ERROR) {
      return error(ex, 500, "Exception", "Internal server error");
    }
    if (failure == Failure.ACCEPT_THEN_TIMEOUT) {
      pause();
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("id", id);
    if (reference.isPresent()) {
      response.put("reference", reference.get());
    } else {
      response.putNull("reference");
    }
    ObjectNode content = response.putObject("content");
    String rendered = template == null ? "" : fill(template.body(), personalisation);
    switch (type) {
      case "email" -> {
        content.put("subject", template == null ? "" : fill(template.subject(), personalisation));
        content.put("body", rendered);
        content.put("from_email", "council@notifications.service.gov.uk");
        content.putNull("one_click_unsubscribe_url");
      }
      case "sms" -> {
        content.put("body", rendered);
        content.put("from_number", "GOVUK");
      }
      default -> {
        content.put("subject", template == null ? "" : fill(template.subject(), personalisation));
        content.put("body", rendered);
      }
    }
    response.put("uri", baseUrl() + "/v2/notifications/" + id);
    ObjectNode t = response.putObject("template");
    t.put("id", templateId);
    t.put("version", 1);
    t.put("uri", baseUrl() + "/services/" + serviceId + "/templates/" + templateId);
    if (type.equals("letter")) {
      response.putNull("scheduled_for");
    }
    return respond(ex, 201, response);
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static List<String> validate(String type, JsonNode body) {
    List<String> problems = new ArrayList<>();
    Set<String> allowed = switch (type) {
      case "email" -> Set.of("email_address", "template_id", "personalisation", "reference", "email_reply_to_id",
          "one_click_unsubscribe_url");
      case "sms" -> Set.of("phone_number", "template_id", "personalisation", "reference", "sms_sender_id");
      default -> Set.of("template_id", "personalisation", "reference", "postage");
    };
    List<String> required = switch (type) {
      case "email" -> List.of("email_address", "template_id");
      case "sms" -> List.of("phone_number", "template_id");
      default -> List.of("template_id", "personalisation");
    };
    for (String field : required) {
      if (!body.has(field)) {
        problems.add(field + " is a required property");
      }
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        problems.add("Additional properties are not allowed (" + field + " was unexpected)");
      }
    }
    JsonNode template = body.get("template_id");
    if (template != null && (!template.isTextual() || !UUID_PATTERN.matcher(template.asText()).matches())) {
      problems.add("template_id is not a valid UUID");
    }
    for (String uuidField : List.of("email_reply_to_id", "sms_sender_id")) {
      JsonNode v = body.get(uuidField);
      if (v != null && (!v.isTextual() || !UUID_PATTERN.matcher(v.asText()).matches())) {
        problems.add(uuidField + " is not a valid UUID");
      }
    }
    JsonNode reference = body.get("reference");
    if (reference != null && !reference.isNull() && !reference.isTextual()) {
      problems.add("reference " + reference + " is not of type string, null");
    }
    JsonNode personalisation = body.get("personalisation");
    if (personalisation != null && !personalisation.isObject()) {
      problems.add("personalisation " + personalisation.getNodeType().toString().toLowerCase() + " is not of type object");
    }
    JsonNode email = body.get("email_address");
    if (type.equals("email") && email != null && (!email.isTextual() || !EMAIL.matcher(email.asText()).matches())) {
      problems.add("email_address Not a valid email address");
    }
    JsonNode phone = body.get("phone_number");
    if (type.equals("sms") && phone != null) {
      String digits = phone.isTextual() ? phone.asText().replaceAll("[\\s()\\-.+]", "") : "";
      if (!phone.isTextual() || !digits.matches("[0-9]+")) {
        problems.add("phone_number Must not contain letters or symbols");
      } else if (digits.length() < 10) {
        problems.add("phone_number Not enough digits");
      } else if (digits.length() > 15) {
        problems.add("phone_number Too many digits");
      }
    }
    if (type.equals("email") && personalisation != null && personalisation.isObject()) {
      personalisation.fields().forEachRemaining(e -> {
        if (e.getValue().isObject()) {
          problems.addAll(fileProblems(e.getKey(), e.getValue()));
        }
      });
    }
    if (type.equals("letter") && personalisation != null && personalisation.isObject()) {
      int lines = 0;
      for (int i = 1; i <= 7; i++) {
        JsonNode line = personalisation.get("address_line_" + i);
        if (line != null && line.isTextual() && !line.asText().isBlank()) {
          lines++;
        }
      }
      if (!personalisation.has("address_line_1")) {
        problems.add("personalisation address_line_1 is a required property");
      }
      if (lines < 3) {
        problems.add("Address must be at least 3 lines");
      }
    }
    return problems;
  }

  /** Notify's largest file for "send a file by email", before base64. */
  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  /**
   * Checks a "send a file by email" personalisation value as Notify documents it: {@code file}
   * (base64, at most 2 MB decoded) required; {@code filename} (with an extension) or the older
   * {@code is_csv}, not both; {@code confirm_email_before_download} a boolean;
   * {@code retention_period} "1 week" to "78 weeks"; nothing else.
   */
  static List<String> fileProblems(String placeholder, JsonNode f) {
    List<String> problems = new ArrayList<>();
    Set<String> allowed = Set.of("file", "filename", "is_csv", "confirm_email_before_download", "retention_period");
    f.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        problems.add("personalisation " + placeholder + " Additional properties are not allowed (" + k
            + " was unexpected)");
      }
    });
    JsonNode file = f.get("file");
    if (file == null || !file.isTextual()) {
      problems.add("personalisation " + placeholder + " file is a required property");
    } else {
      try {
        if (java.util.Base64.getDecoder().decode(file.asText()).length > MAX_FILE_BYTES) {
          problems.add("File did not pass the virus scan or is larger than 2MB");
        }
      } catch (IllegalArgumentException e) {
        problems.add("File did not pass the virus scan or is larger than 2MB");
      }
    }
    if (f.has("filename") && f.has("is_csv") && !f.get("is_csv").isNull()) {
      problems.add("personalisation " + placeholder + " filename and is_csv cannot both be set");
    }
    JsonNode name = f.get("filename");
    if (name != null && !name.isNull() && (!name.isTextual() || !name.asText().matches(".+\\.[A-Za-z0-9]{1,10}"))) {
      problems.add("personalisation " + placeholder + " filename must include a file extension");
    }
    JsonNode confirm = f.get("confirm_email_before_download");
    if (confirm != null && !confirm.isNull() && !confirm.isBoolean()) {
      problems.add("personalisation " + placeholder + " confirm_email_before_download is not of type boolean");
    }
    JsonNode retention = f.get("retention_period");
    if (retention != null && !retention.isNull()) {
      String r = retention.isTextual() ? retention.asText() : "";
      java.util.regex.Matcher m = Pattern.compile("([0-9]{1,2}) weeks?").matcher(r);
      if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 78) {
        problems.add("Unsupported value for retention_period '" + r + "'. Supported periods are from 1 to 78 weeks.");
      }
    }
    return problems;
  }

  private static String key(String placeholder) {
    return placeholder.replace(" ", "").toLowerCase();
  }

  private static List<String> missing(Template template, Map<String, Object> personalisation) {
    Set<String> given = personalisation.keySet().stream().map(FakeNotify::key).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    var m = PLACEHOLDER.matcher(template.subject() + "\n" + template.body());
    while (m.find()) {
      String name = m.group(1).strip();
      if (!given.contains(key(name)) && !missing.contains(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  private static String fill(String text, Map<String, Object> personalisation) {
    Map<String, Object> byKey = new HashMap<>();
    personalisation.forEach((k, v) -> byKey.put(key(k), v));
    return PLACEHOLDER.matcher(text).replaceAll(r -> {
      Object v = byKey.get(key(r.group(1).strip()));
      return java.util.regex.Matcher.quoteReplacement(v == null ? "" : String.valueOf(v));
    });
  }

  private synchronized Failure nextFailure() {
    if (!scripted.isEmpty()) {
      return scripted.poll();
    }
    if (failureProbability > 0 && !randomFailures.isEmpty() && random.nextDouble() < failureProbability) {
      return randomFailures.get(random.nextInt(randomFailures.size()));
    }
    return null;
  }

  private void pause() {
    try {
      Thread.sleep(timeoutDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int list(HttpExchange ex, String query) throws IOException {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    List<SentNotification> matching = new ArrayList<>();
    for (SentNotification n : sent) {
      if (params.containsKey("reference") && !n.reference().equals(Optional.of(params.get("reference")))) {
        continue;
      }
      if (params.containsKey("template_type") && !n.type().equals(params.get("template_type"))) {
        continue;
      }
      matching.add(0, n); // newest first
    }
    ObjectNode response = JSON.createObjectNode();
    ArrayNode list = response.putArray("notifications");
    for (SentNotification n : matching) {
      list.add(notification(n));
    }
    ObjectNode links = response.putObject("links");
    links.put("current", baseUrl() + "/v2/notifications" + (query.isEmpty() ? "" : "?" + query));
    return respond(ex, 200, response);
  }

  private int one(HttpExchange ex, String id) throws IOException {
    if (!UUID_PATTERN.matcher(id).matches()) {
      return error(ex, 400, "ValidationError", "notification_id is not a valid UUID");
    }
    for (SentNotification n : sent) {
      if (n.id().equals(id)) {
        return respond(ex, 200, notification(n));
      }
    }
    return error(ex, 404, "NoResultFound", "No result found");
  }

  private ObjectNode notification(SentNotification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", n.id());
    if (n.reference().isPresent()) {
      o.put("reference", n.reference().get());
    } else {
      o.putNull("reference");
    }
    if (n.type().equals("email")) {
      o.put("email_address", n.recipient());
    } else {
      o.putNull("email_address");
    }
    if (n.type().equals("sms")) {
      o.put("phone_number", n.recipient());
    } else {
      o.putNull("phone_number");
    }
    for (int i = 1; i <= 6; i++) {
      Object line = n.personalisation().get("address_line_" + i);
      if (n.type().equals("letter") && line != null) {
        o.put("line_" + i, String.valueOf(line));
      } else {
        o.putNull("line_" + i);
      }
    }
    o.putNull("postcode");
    o.put("type", n.type());
    synchronized (this) {
      o.put("status", statuses.getOrDefault(n.id(), "created"));
    }
    ObjectNode t = o.putObject("template");
    t.put("id", n.templateId());
    t.put("version", 1);
    t.put("uri", baseUrl() + "/v2/template/" + n.templateId() + "/version/1");
    o.put("created_at", n.at().toString());
    o.putNull("created_by_name");
    o.putNull("sent_at");
    o.putNull("completed_at");
    return o;
  }

  private static int error(HttpExchange ex, int status, String error, String message) throws IOException {
    return errors(ex, status, error, List.of(message));
  }

  private static int errors(HttpExchange ex, int status, String error, List<String> messages) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("status_code", status);
    ArrayNode errors = body.putArray("errors");
    for (String m : messages) {
      errors.addObject().put("error", error).put("message", m);
    }
    return respond(ex, status, body);
  }

  private static int respond(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    } catch (IOException e) {
      return 0; // the client gave up waiting
    }
    return status;
  }
}
