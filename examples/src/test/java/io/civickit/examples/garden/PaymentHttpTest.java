package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.test.pay.FakeGovUkPay;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's payment pages over HTTP (no JavaScript: plain forms and redirects), on the garden
 * waste service in front of a fake GOV.UK Pay: the fee, one payment however often "Pay now" is
 * sent, the return URL for a paid and a declined payment, webhooks, and the agent console's refund.
 */
class PaymentHttpTest {
  static final String SECRET = "webhook-signing-secret-for-tests";
  private static final java.util.concurrent.atomic.AtomicInteger PEOPLE = new java.util.concurrent.atomic.AtomicInteger();

  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  @TempDir static Path dir;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.payingOn(dir, PAY, SECRET);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private Http http() {
    return new Http(service.app.url().toString());
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as("a redirect: %s", r.body()).isEqualTo(303);
    return r.headers().firstValue("Location").orElseThrow();
  }

  /** Starts an application and answers every page: the journey is then on check your answers. */
  static void toCheckAnswers(Http h, int bins, boolean concession) {
    h.get("/");
    h.follow(h.post("/start", Map.of()));
    LocalDate start = LocalDate.now().plusMonths(1);
    List<Map<String, String>> pages = List.of(
        Map.of("lives_in_area", "yes"),
        Map.of("address-line1", "1 Garden Row", "address-town", "Anytown", "address-postcode", "SW1A 1AA"),
        Map.of("number_of_bins", String.valueOf(bins)),
        Map.of("council_tax_reduction", concession ? "yes" : "no"),
        Map.of("assisted_collection", "no"),
        Map.of("start_date-day", String.valueOf(start.getDayOfMonth()),
            "start_date-month", String.valueOf(start.getMonthValue()), "start_date-year", String.valueOf(start.getYear())),
        // a new address each time: codes to one address are rate-limited
        Map.of("email", "payer-" + PEOPLE.incrementAndGet() + "@example.org"));
    String at = "/apply/lives-in-area";
    for (Map<String, String> answers : pages) {
      at = location(h.post(at, answers));
      h.get(at);
    }
    assertThat(at).isEqualTo("/apply/check-answers");
  }

  /** Answers every page and proves the email address: the journey is then on the payment step. */
  static void toThePaymentStep(Http h, TestService service, int bins, boolean concession) {
    toCheckAnswers(h, bins, concession);
    assertThat(location(h.post("/apply/check-answers", Map.of()))).isEqualTo("/apply/confirm-email");
    assertThat(location(h.post("/apply/confirm-email", Map.of("code", service.awaitCode())))).isEqualTo("/apply/pay");
  }

  private static String lastPayment() {
    List<String> ids = PAY.paymentIds();
    return ids.get(ids.size() - 1);
  }

  private static String reference(Http h) {
    Matcher m = Pattern.compile("id=\"reference\">([0-9A-Z-]+)<").matcher(h.get("/apply/confirmation").body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void checkAnswersAndThePayPageShowTheFeeWorkedOutFromTheAnswers() {
    Http h = http();
    toThePaymentStep(h, service, 2, true);
    String page = h.get("/apply/pay").body();
    assertThat(page).contains("Garden waste bin permit \u00d7 2", "£90", "Council Tax Reduction (half price)", "−£45",
        "<strong id=\"total\">£45</strong>", "id=\"pay-now\"");
    Http full = http();
    toThePaymentStep(full, service, 3, false);
    assertThat(full.get("/apply/pay").body()).contains("<strong id=\"total\">£135</strong>")
        .doesNotContain("Council Tax Reduction (half price)");
  }

  @Test
  void theFeeIsOnCheckYourAnswers() {
    Http h = http();
    toCheckAnswers(h, 1, true);
    assertThat(h.get("/apply/check-answers").body()).contains("Fee to pay", "<strong id=\"total\">£22.50</strong>");
  }

  @Test
  void pressingPayNowTwiceMakesOnePaymentAndSendsBothToTheSamePage() {
    Http h = http();
    toThePaymentStep(h, service, 1, false);
    int before = PAY.paymentCount();
    String first = location(h.post("/apply/pay", Map.of()));
    String second = location(h.post("/apply/pay", Map.of()));
    assertThat(first).startsWith(PAY.baseUri().toString()).isEqualTo(second);
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void theReturnUrlWithAPaidPaymentMovesTheJourneyOnOnceAndSendsTheConfirmation() {
    Http h = http();
    toThePaymentStep(h, service, 2, false);
    int before = PAY.paymentCount();
    location(h.post("/apply/pay", Map.of()));
    PAY.complete(lastPayment(), FakeGovUkPay.Action.PAY);
    assertThat(location(h.get("/payment/return"))).isEqualTo("/apply/confirmation");
    String reference = reference(h);
    assertThat(service.awaitEmail("(Your reference number is " + reference + ")")).isNotEmpty();
    HttpResponse<String> reload = h.get("/payment/return");
    assertThat(location(reload)).as("reloading the return page").isEqualTo("/apply/confirmation");
    h.follow(reload);
    assertThat(location(h.post("/apply/pay", Map.of()))).as("Pay now after paying").isEqualTo("/apply/confirmation");
    assertThat(PAY.paymentCount() - before).isEqualTo(1);
  }

  @Test
  void theReturnUrlWithADeclinedPaymentOffersTryAgainAndHelpAndTryingAgainIsANewPayment() {
    Http h = http();
    toThePaymentStep(h, service, 1, false);
    int before = PAY.paymentCount();
    location(h.post("/apply/pay", Map.of()));
    PAY.complete(lastPayment(), FakeGovUkPay.Action.DECLINE);
    HttpResponse<String> declined = h.get("/payment/return");
    assertThat(declined.statusCode()).isEqualTo(200);
    assertThat(declined.body()).contains("Your payment has been declined", "No money has been taken",
        "id=\"try-again\"", "id=\"get-help\"");
    assertThat(declined.headers().allValues("Content-Security-Policy")).as("one policy, not two").hasSize(1);
    assertThat(declined.headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("the try-again form may be redirected to GOV.UK Pay").contains("form-action 'self' "
            + "https://card.payments.service.gov.uk " + PAY.baseUri());
    assertThat(h.get("/apply/pay").body()).as("a failed payment is not under way: the fee and Pay now again")
        .contains("id=\"pay-now\"");
    String again = location(h.post("/apply/pay", Map.of()));
    assertThat(again).startsWith(PAY.baseUri().toString());
    assertThat(PAY.paymentCount() - before).isEqualTo(2);
  }

  @Test
  void theReturnUrlWithoutASessionShowsNothing() {
    Http stranger = http();
    assertThat(location(stranger.get("/payment/return"))).isEqualTo("/");
  }

  @Test
  void aWebhookWithABadSignatureOrTooLargeIsRefusedAndASignedOneMovesTheJourneyOn() throws java.io.IOException {
    Http h = http();
    toThePaymentStep(h, service, 1, false);
    location(h.post("/apply/pay", Map.of()));
    String id = lastPayment();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    URI hook = URI.create(service.url("/payment/webhook"));
    byte[] body = ("{\"resource_id\":\"" + id + "\",\"resource_type\":\"payment\",\"event_type\":\"card_payment_"
        + "succeeded\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> unsigned = Http.withoutCookieJar(HttpRequest.newBuilder(hook)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = Http.withoutCookieJar(HttpRequest.newBuilder(hook)
        .header("Content-Type", "application/json").header("Pay-Signature", FakeGovUkPay.sign(body, "not-the-secret"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(location(h.get("/apply/pay"))).as("nothing moved yet: the return page will ask")
        .isEqualTo("/payment/return");
    // A raw socket: a body declared larger than 256 KiB is refused before it is read.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /payment/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
          + "application/json\r\nPay-Signature: 00\r\nContent-Length: " + (256 * 1024 + 1) + "\r\n\r\n{")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine()).startsWith("HTTP/1.1 413");
    }
    assertThat(PAY.sendWebhook(id, "card_payment_succeeded", hook, SECRET)).isEqualTo(200);
    assertThat(location(h.get("/apply/pay"))).as("the webhook finished the journey").isEqualTo("/apply/confirmation");
  }

  @Test
  void aRefundNeedsASignedInAdviserAPostAndTheCsrfToken() {
    Http h = http();
    toThePaymentStep(h, service, 2, true);
    location(h.post("/apply/pay", Map.of()));
    String id = lastPayment();
    PAY.complete(id, FakeGovUkPay.Action.PAY);
    location(h.get("/payment/return"));
    String reference = reference(h);

    Http stranger = http();
    stranger.get("/");
    assertThat(location(stranger.post("/agent/payments/" + reference + "/refund", Map.of("amount", "45"))))
        .isEqualTo("/agent/login");

    Http adviser = http();
    adviser.get("/agent/login");
    assertThat(location(adviser.post("/agent/login", Map.of("username", TestService.SUPERVISOR,
        "password", TestService.STAFF_PASSWORD)))).isEqualTo("/agent");
    String page = adviser.get("/agent/payments?reference=" + reference).body();
    assertThat(page).contains(reference, "£45", id, "id=\"refund\"");
    Matcher action = Pattern.compile("action=\"(/agent/payments/[^\"]+/refund)\"").matcher(page);
    assertThat(action.find()).isTrue();
    String path = action.group(1);
    assertThat(adviser.get(path).statusCode()).as("a GET refunds nothing").isEqualTo(405);
    Map<String, String> forged = new LinkedHashMap<>(Map.of("amount", "45", "csrf", "forged"));
    assertThat(adviser.post(path, forged).statusCode()).isEqualTo(403);
    assertThat(PAY.requests()).noneMatch(r -> r.path().endsWith("/refunds"));
    assertThat(location(adviser.post(path, Map.of("amount", "20.50")))).endsWith("&done=refunded");
    assertThat(PAY.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/refunds"))
        .singleElement().satisfies(r -> assertThat(r.body()).contains("\"amount\":2050"));
    assertThat(adviser.post(path, Map.of("amount", "30")).statusCode()).as("more than is left").isEqualTo(409);
  }
}
