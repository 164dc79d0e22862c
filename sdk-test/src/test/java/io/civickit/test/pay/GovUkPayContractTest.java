package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.Language;
import io.civickit.pay.Payment;
import io.civickit.pay.PaymentProviderException;
import io.civickit.pay.PaymentRequest;
import io.civickit.pay.PaymentStatus;
import io.civickit.pay.RefundResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's requests and the fake's answers agree with GOV.UK Pay's OpenAPI specification: every
 * body sent or answered is checked against the specification's schema for it.
 */
class GovUkPayContractTest {
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  private static final OpenApiShapes SPEC = OpenApiShapes.load();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private GovUkPay client;

  @BeforeEach
  void setUp() {
    client = GovUkPay.builder().apiKey(PAY.apiKey()).baseUri(PAY.baseUri()).build();
    PAY.clearRequests();
  }

  private static JsonNode get(String paymentId) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(PAY.baseUri() + "/v1/payments/" + paymentId))
        .header("Authorization", "Bearer " + PAY.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(PAY.baseUri() + path))
        .header("Authorization", "Bearer " + PAY.apiKey()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theCheckerFindsWhatDepartsFromTheSpecification() {
    assertThat(SPEC.check("{\"amount\":\"12\",\"reference\":\"r\",\"description\":\"d\",\"return_url\":\"u\"}",
        "CreateCardPaymentRequest")).containsExactly("$.amount: expected a whole number");
    assertThat(SPEC.check("{\"amount\":1,\"reference\":\"r\",\"description\":\"d\"}", "CreateCardPaymentRequest"))
        .containsExactly("$: CreateCardPaymentRequest requires \"return_url\"");
    assertThat(SPEC.check("{\"amount\":1,\"reference\":\"r\",\"description\":\"d\",\"return_url\":\"u\","
        + "\"language\":\"fr\",\"colour\":1}", "CreateCardPaymentRequest")).hasSize(2);
    assertThat(SPEC.check("{\"state\":{\"status\":1}}", "PaymentWithAllLinks")).containsExactly("$.state.status: expected text");
  }

  @Test
  void theClientsCreateRequestsFitCreateCardPaymentRequest() {
    client.create(PaymentRequest.builder(4500, "7KD-4MX-R9T", "Garden waste permit",
        URI.create("https://garden.example.gov.uk/return")).build(), Optional.empty());
    client.create(PaymentRequest.builder(10_000_000, "R".repeat(255), "D".repeat(255),
        URI.create("http://localhost:8080/return")).language(Language.CY).email("someone@example.org")
        .metadata("civickit_service", "garden-waste").metadata("k", "v".repeat(50)).delayedCapture(true).build(),
        Optional.of("key-1"));
    List<FakeGovUkPay.Request> sent = PAY.requests();
    assertThat(sent).hasSize(2);
    for (FakeGovUkPay.Request r : sent) {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/payments");
      assertThat(r.headers()).containsEntry("content-type", "application/json")
          .containsEntry("authorization", "Bearer (redacted)");
      assertThat(SPEC.check(r.body(), "CreateCardPaymentRequest")).isEmpty();
    }
  }

  @Test
  void theFakesPaymentsFitTheSpecificationInEveryState() throws Exception {
    Payment created = client.create(PaymentRequest.builder(4500, "R", "D", URI.create("https://x.gov.uk/r"))
        .email("a@example.org").metadata("m", "1").delayedCapture(true).build(), Optional.empty());
    String id = created.paymentId();
    assertThat(SPEC.check(get(id), "PaymentWithAllLinks")).isEmpty();
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(created.nextUrl().orElseThrow()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(SPEC.check(get(id), "PaymentWithAllLinks")).isEmpty();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    assertThat(get(id).at("/state/status").asText()).isEqualTo("capturable");
    assertThat(SPEC.check(get(id), "PaymentWithAllLinks")).isEmpty();
    client.capture(id);
    assertThat(SPEC.check(get(id), "PaymentWithAllLinks")).isEmpty();
    Payment p = client.find(id).orElseThrow();
    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
    RefundResult r = client.refund(id, 1000, p.refundSummary().orElseThrow().amountAvailablePence());
    assertThat(r).isInstanceOf(RefundResult.Submitted.class);
    assertThat(SPEC.check(get(id), "PaymentWithAllLinks")).isEmpty();

    Payment failed = client.create(PaymentRequest.builder(100, "R", "D", URI.create("https://x.gov.uk/r")).build(),
        Optional.empty());
    PAY.complete(failed.paymentId(), FakeGovUkPay.Action.DECLINE);
    assertThat(SPEC.check(get(failed.paymentId()), "PaymentWithAllLinks")).isEmpty();
    assertThat(client.find(failed.paymentId()).orElseThrow().state().code()).contains("P0010");
  }

  @Test
  void theFakesCreateAnswerFitsCreatePaymentResult() throws Exception {
    HttpResponse<String> r = post("/v1/payments", "{\"amount\":4500,\"reference\":\"R\",\"description\":\"D\","
        + "\"return_url\":\"https://x.gov.uk/r\",\"language\":\"cy\",\"metadata\":{\"a\":1,\"b\":true}}");
    assertThat(r.statusCode()).isEqualTo(201);
    // CreatePaymentResult has no authorisation_mode: Pay adds it, the specification lists it on
    // PaymentWithAllLinks only. The fake answers both with one shape, checked against the fuller one.
    assertThat(SPEC.check(r.body(), "PaymentWithAllLinks")).isEmpty();
    JsonNode n = JSON.readTree(r.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("authorisation_mode");
    assertThat(SPEC.check(n, "CreatePaymentResult")).isEmpty();
  }

  @Test
  void theClientsRefundRequestAndTheFakesRefundFitTheSpecification() throws Exception {
    Payment p = client.create(PaymentRequest.builder(4500, "R", "D", URI.create("https://x.gov.uk/r")).build(),
        Optional.empty());
    PAY.complete(p.paymentId(), FakeGovUkPay.Action.PAY);
    PAY.clearRequests();
    client.refund(p.paymentId(), 500, 4500);
    FakeGovUkPay.Request sent = PAY.requests().get(0);
    assertThat(sent.path()).isEqualTo("/v1/payments/" + p.paymentId() + "/refunds");
    assertThat(SPEC.check(sent.body(), "PaymentRefundRequest")).isEmpty();

    HttpResponse<String> r = post("/v1/payments/" + p.paymentId() + "/refunds",
        "{\"amount\":100,\"refund_amount_available\":4000}");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(SPEC.check(r.body(), "Refund")).isEmpty();
    assertThat(client.refund(p.paymentId(), 100, 4000)).isInstanceOf(RefundResult.AmountAvailableMismatch.class);
  }

  @Test
  void errorsFitRequestErrorAndReachTheClientAsCodesWithoutBodies() throws Exception {
    HttpResponse<String> r = post("/v1/payments", "{\"amount\":0,\"reference\":\"R\",\"description\":\"D\","
        + "\"return_url\":\"https://x.gov.uk/r\",\"email\":\"secret.person@example.org\"}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(SPEC.check(r.body(), "RequestError")).isEmpty();

    PAY.failNext(500);
    PaymentProviderException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> client.find("a".repeat(26)), PaymentProviderException.class);
    assertThat(e.httpStatus()).hasValue(500);
    assertThat(e.code()).contains("P0198");
    assertThat(e.isTransient()).isTrue();
    PAY.failNext(429);
    PaymentProviderException limited = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> client.find("a".repeat(26)), PaymentProviderException.class);
    assertThat(limited.code()).contains("P0900");
    assertThat(client.find("b".repeat(26))).isEmpty();
  }
}
