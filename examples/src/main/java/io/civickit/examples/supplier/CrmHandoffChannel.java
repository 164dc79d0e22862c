package io.civickit.examples.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A supplier's {@link HandoffChannel}: each handoff becomes a case in the council's CRM through
 * its REST API, carrying CivicKit's context package so the adviser never asks the person to
 * start again.
 *
 * <p>The CRM API this example targets (adapt the paths and fields to yours):
 * <pre>
 * POST {baseUrl}/cases
 * Authorization: Bearer {token}
 * Idempotency-Key: {handoffId}
 * Content-Type: application/json
 *
 * {"externalId": "...", "title": "Garden waste permit: asked for help at bins",
 *  "queue": "garden-waste", "reference": "7KD-4MX-R9T", "context": { ...HandoffRequest.toJson()... }}
 *
 * 201 Created  {"caseNumber": "CRM-1042"}           a new case
 * 200 OK       {"caseNumber": "CRM-1042"}           the case for this Idempotency-Key already exists
 * </pre>
 *
 * <p>Outcomes follow the SPI's rules: a 2xx is {@link HandoffResult.Accepted} with the case
 * number; a 503 is {@link HandoffResult.Closed} (the CRM is in maintenance); anything else, a
 * timeout or a refused connection is {@link HandoffResult.Failed}, so the router tries the next
 * channel. Nothing is thrown for these, and no message carries personal data or the token.
 */
public final class CrmHandoffChannel implements HandoffChannel {
  private final URI cases;
  private final String token;
  private final String queue;
  private final String whatHappensNext;
  private final Duration timeout;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  private CrmHandoffChannel(Builder b) {
    this.cases = URI.create(b.baseUrl.toString().replaceAll("/+$", "") + "/cases");
    this.token = b.token;
    this.queue = b.queue;
    this.whatHappensNext = b.whatHappensNext;
    this.timeout = b.timeout;
    this.client = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
  }

  /** Starts configuring the channel. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "crm";
  }

  @Override
  public HandoffResult handOff(HandoffRequest r) {
    ObjectNode body = json.createObjectNode();
    body.put("externalId", r.handoffId().value());
    body.put("title", r.definitionId() + ": " + r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " at " + r.stuckStep());
    body.put("queue", queue);
    body.put("reference", r.reference().toString());
    try {
      body.set("context", json.readTree(r.toJson()));
      HttpRequest request = HttpRequest.newBuilder(cases)
          .timeout(timeout)
          .header("Authorization", "Bearer " + token)
          .header("Idempotency-Key", r.handoffId().value())
          .header("Content-Type", "application/json")
          .header("User-Agent", "civickit-example-crm-channel/0.1")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200 || status == 201) {
        Optional<String> caseNumber = caseNumber(response.body());
        return new HandoffResult.Accepted(name(), whatHappensNext, Optional.empty(), caseNumber, Optional.empty());
      }
      if (status == 503) {
        return new HandoffResult.Closed(name(), "the CRM answered 503 (unavailable)", Optional.empty());
      }
      return new HandoffResult.Failed(name(), "the CRM answered " + status);
    } catch (HttpTimeoutException e) {
      return new HandoffResult.Failed(name(), "the CRM did not answer within " + timeout);
    } catch (ConnectException e) {
      return new HandoffResult.Failed(name(), "could not connect to the CRM");
    } catch (IOException e) {
      return new HandoffResult.Failed(name(), "could not reach the CRM: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HandoffResult.Failed(name(), "interrupted");
    }
  }

  private Optional<String> caseNumber(String body) {
    try {
      JsonNode n = json.readTree(body);
      return n != null && n.hasNonNull("caseNumber") ? Optional.of(n.get("caseNumber").asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "CrmHandoffChannel[" + cases + ", queue=" + queue + "]";   // never the token
  }

  /** Configures a {@link CrmHandoffChannel}. */
  public static final class Builder {
    private URI baseUrl;
    private String token;
    private String queue = "digital-services";
    private String whatHappensNext = "An adviser will contact you by the end of the next working day. "
        + "They can see your answers so far.";
    private Duration timeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /** The CRM API's base URL (required), for example {@code https://crm.council.gov.uk/api}. */
    public Builder baseUrl(URI value) {
      this.baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    /** The API token (required), from the council's secret store. */
    public Builder token(String value) {
      Objects.requireNonNull(value, "token");
      if (value.isBlank()) {
        throw new IllegalArgumentException("the CRM token must not be blank");
      }
      this.token = value;
      return this;
    }

    /** The CRM queue cases go to (default {@code digital-services}). */
    public Builder queue(String value) {
      this.queue = Objects.requireNonNull(value, "queue");
      return this;
    }

    /** What the person is told happens next when the case is created. */
    public Builder whatHappensNext(String value) {
      this.whatHappensNext = Objects.requireNonNull(value, "whatHappensNext");
      return this;
    }

    /** How long to wait for the CRM's answer (default 10 s). */
    public Builder timeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, but was " + value);
      }
      this.timeout = value;
      return this;
    }

    /** How long to wait to connect (default 5 s). */
    public Builder connectTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive, but was " + value);
      }
      this.connectTimeout = value;
      return this;
    }

    /** Builds the channel. @throws IllegalStateException if the base URL or the token is missing */
    public CrmHandoffChannel build() {
      if (baseUrl == null || token == null) {
        throw new IllegalStateException("a CRM channel needs baseUrl(...) and token(...)");
      }
      return new CrmHandoffChannel(this);
    }
  }
}
