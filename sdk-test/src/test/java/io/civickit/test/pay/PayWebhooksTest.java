package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.ProgressStore;
import io.civickit.pay.step.BeginResult;
import io.civickit.pay.step.PayWebhooks;
import io.civickit.pay.step.PaymentLedger;
import io.civickit.pay.step.Payments;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The fake sends signed webhooks as GOV.UK Pay does; a service's endpoint moves the journey on with them. */
class PayWebhooksTest {
  private static final String SECRET = "webhook-signing-secret";

  @Test
  void aSignedWebhookFromTheFakeFinishesAJourneyWhosePersonNeverCameBack() throws Exception {
    List<Integer> answered = new CopyOnWriteArrayList<>();
    PayWebhooks[] hooks = new PayWebhooks[1];
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/pay-webhook", ex -> {
      byte[] body = ex.getRequestBody().readNBytes(PayWebhooks.MAX_BODY_BYTES + 1);
      PayWebhooks.Result r = hooks[0].receive(body,
          Optional.ofNullable(ex.getRequestHeaders().getFirst(PayWebhooks.SIGNATURE_HEADER)));
      int status = r instanceof PayWebhooks.Result.BadSignature ? 401 : r instanceof PayWebhooks.Result.Malformed ? 400 : 200;
      answered.add(status);
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    endpoint.start();
    URI url = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/pay-webhook");
    try (FakeGovUkPay pay = FakeGovUkPay.builder().webhooks(url, SECRET).start()) {
      Journeys journeys = PayFixture.journeys(ProgressStore.inMemory(), EventSink.none(), Clock.systemUTC());
      Payments payments = PayFixture.payments(journeys, PayFixture.client(pay, Clock.systemUTC()),
          PaymentLedger.inMemory(), false);
      hooks[0] = PayWebhooks.of(payments, SECRET);
      Journey j = PayFixture.atPayment(journeys, 1, false);
      String id = ((BeginResult.Redirect) payments.begin(j.id(), URI.create("https://x.gov.uk/r"), Locale.UK))
          .paymentId();

      pay.complete(id, FakeGovUkPay.Action.PAY); // sends card_payment_succeeded before returning

      assertThat(answered).containsExactly(200);
      assertThat(journeys.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
      // a forged message is refused
      assertThat(pay.sendWebhook(id, "card_payment_succeeded", url, "not-the-secret")).isEqualTo(401);
    } finally {
      endpoint.stop(0);
    }
  }

  @Test
  void theFakeRunsOutsideJunitAndStopsWhenClosed() throws Exception {
    URI base;
    try (FakeGovUkPay pay = FakeGovUkPay.builder().apiKey("api_test_example_service").start()) {
      base = pay.baseUri();
      assertThat(pay.apiKey()).isEqualTo("api_test_example_service");
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    assertThatThrownBy(() -> http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/v1/payments")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding())).isInstanceOf(java.io.IOException.class);
  }
}
