package io.civickit.notify.internal.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.civickit.core.CivicKitException;
import io.civickit.core.ConfigurationException;
import io.civickit.core.ServiceUnavailableException;
import io.civickit.notify.Recipient;
import io.civickit.notify.channel.GovUkNotifyChannel;
import io.civickit.notify.channel.NotifyApiKey;
import io.civickit.notify.channel.NotifyNotification;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import io.civickit.notify.internal.http.HttpAnswers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GOV.UK Notify API v2 over the JDK HTTP client. */
public final class NotifyHttpChannel implements GovUkNotifyChannel {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyHttpChannel.class);
  private static final String NOTIFY = "GOV.UK Notify";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final String name;
  private final NotifyApiKey key;
  private final String base;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Map<String, String> templateIds;
  private final Optional<String> emailReplyToId;
  private final Optional<String> smsSenderId;
  private final String userAgent;
  private final HttpClient http;
  private final MACSigner signer;

  public NotifyHttpChannel(String name, NotifyApiKey key, URI baseUrl, Duration connectTimeout, Duration requestTimeout,
      Clock clock, Map<String, String> templateIds, Optional<String> emailReplyToId, Optional<String> smsSenderId,
      String userAgent) {
    this.name = name;
    this.key = key;
    String b = baseUrl.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.templateIds = templateIds;
    this.emailReplyToId = emailReplyToId;
    this.smsSenderId = smsSenderId;
    this.userAgent = userAgent;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    try {
      this.signer = new MACSigner(key.secret().getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the Notify secret cannot sign an HS256 token: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Recipient recipient) {
    return true;
  }

  @Override
  public boolean canLookUp() {
    return true;
  }

  @Override
  public SendResult send(OutgoingNotification n) {
    Optional<String> problem = Addresses.problem(n.recipient());
    if (problem.isPresent()) {
      LOG.info("not sending {} to {}: {}", n.idempotencyKey(), n.recipient(), problem.get());
      return new SendResult.PermanentFailure(problem.get());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    String path;
    Map<String, Object> personalisation = new LinkedHashMap<>(n.personalisation());
    Recipient r = n.recipient();
    if (r instanceof Recipient.Email e) {
      path = "/v2/notifications/email";
      body.put("email_address", e.address().strip());
    } else if (r instanceof Recipient.Sms s) {
      path = "/v2/notifications/sms";
      body.put("phone_number", s.phoneNumber().strip());
    } else {
      path = "/v2/notifications/letter";
      List<String> lines = ((Recipient.Letter) r).addressLines();
      for (int i = 0; i < lines.size(); i++) {
        personalisation.put("address_line_" + (i + 1), lines.get(i));
      }
    }
    body.put("template_id", templateIds.getOrDefault(n.templateId(), n.templateId()));
    body.put("personalisation", personalisation);
    body.put("reference", n.idempotencyKey());
    if (r instanceof Recipient.Email) {
      emailReplyToId.ifPresent(id -> body.put("email_reply_to_id", id));
    }
    if (r instanceof Recipient.Sms) {
      smsSenderId.ifPresent(id -> body.put("sms_sender_id", id));
    }
    HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      SendResult result = HttpAnswers.unanswered(e, requestTimeout, "Notify");
      LOG.warn("sending {} to Notify: {} ({})", n.idempotencyKey(), result, e.getClass().getSimpleName());
      return result;
    }
    return interpret(n, response);
  }

  private SendResult interpret(OutgoingNotification n, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 201 || status == 200) {
      try {
        String id = Json.read(response.body()).path("id").asText("");
        if (!id.isBlank()) {
          LOG.debug("Notify accepted {} to {} as {}", n.idempotencyKey(), n.recipient(), id);
          return new SendResult.Accepted(id);
        }
      } catch (CivicKitException e) {
        // fall through: accepted, but we cannot read the id
      }
      return new SendResult.UnknownOutcome("Notify answered " + status + " without a notification id");
    }
    String errors = errors(response.body());
    if (status == 429) {
      Optional<Duration> retryAfter = HttpAnswers.retryAfter(response.headers());
      if (errors.contains("TooManyRequestsError") && retryAfter.isEmpty()) {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, LONDON).plusDays(1).atStartOfDay(LONDON).toInstant();
        retryAfter = Optional.of(Duration.between(now, midnight));
      }
      LOG.warn("Notify rate limited {}: {}", n.idempotencyKey(), errors);
      return new SendResult.RetryableFailure("Notify " + status + ": " + errors, retryAfter);
    }
    if (status >= 500) {
      LOG.warn("Notify answered {} for {}: outcome unknown ({})", status, n.idempotencyKey(), errors);
      return new SendResult.UnknownOutcome("Notify " + status + ": " + errors);
    }
    LOG.warn("Notify refused {} to {}: {} {}", n.idempotencyKey(), n.recipient(), status, errors);
    return new SendResult.PermanentFailure("Notify " + status + ": " + errors);
  }


  /** "ErrorType: message; ..." from Notify's error body. Notify's messages name fields, never their values. */
  static String errors(String body) {
    try {
      JsonNode errors = Json.read(body).path("errors");
      List<String> parts = new ArrayList<>();
      for (JsonNode e : errors) {
        parts.add(e.path("error").asText("?") + ": " + e.path("message").asText(""));
      }
      String joined = parts.isEmpty() ? "no error detail" : String.join("; ", parts);
      return joined.length() > 500 ? joined.substring(0, 500) + "..." : joined;
    } catch (CivicKitException e) {
      return "no error detail";
    }
  }

  @Override
  public Optional<SendResult.Accepted> lookup(String idempotencyKey) {
    List<NotifyNotification> found = findByReference(idempotencyKey);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // Newest first: any one of them means the message was accepted.
    return Optional.of(new SendResult.Accepted(found.get(0).id()));
  }

  @Override
  public Optional<NotifyNotification> status(String notificationId) {
    HttpResponse<String> response = get("/v2/notifications/" + URLEncoder.encode(notificationId, StandardCharsets.UTF_8));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() == 400 && errors(response.body()).contains("ValidationError")) {
      return Optional.empty(); // not a UUID: Notify cannot know it
    }
    ensureOk(response, "look up a notification");
    return Optional.of(notification(Json.read(response.body())));
  }

  @Override
  public List<NotifyNotification> findByReference(String reference) {
    HttpResponse<String> response =
        get("/v2/notifications?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    ensureOk(response, "look up notifications by reference");
    List<NotifyNotification> out = new ArrayList<>();
    for (JsonNode node : Json.read(response.body()).path("notifications")) {
      out.add(notification(node));
    }
    return List.copyOf(out);
  }

  private static NotifyNotification notification(JsonNode node) {
    JsonNode ref = node.path("reference");
    return new NotifyNotification(node.path("id").asText(), ref.isTextual() ? Optional.of(ref.asText()) : Optional.empty(),
        node.path("type").asText(""), node.path("status").asText(""));
  }

  private void ensureOk(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new ServiceUnavailableException(NOTIFY, what, "HTTP " + response.statusCode() + " " + errors(response.body()));
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ServiceUnavailableException(NOTIFY, "be reached", e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(NOTIFY, "answer", "interrupted while waiting", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
  }

  /** A fresh token per request: Notify rejects one whose iat is more than 30 seconds off. */
  String token() {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(key.serviceId())
        .issueTime(Date.from(clock.instant()))
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new ConfigurationException("the Notify API key", "cannot sign a token (" + e.getMessage() + ")",
          "give the key as GOV.UK Notify shows it (name-serviceid-secret)", e);
    }
    return jwt.serialize();
  }

  @Override
  public String toString() {
    return "GovUkNotifyChannel[" + name + ", service=" + key.serviceId() + ", " + base + "]";
  }
}
