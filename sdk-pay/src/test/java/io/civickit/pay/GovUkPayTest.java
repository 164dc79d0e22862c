package io.civickit.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's own guarantees, against a bare local server that answers what each test says. */
class GovUkPayTest {
  private static final String KEY = "api_test_SECRETKEY123";
  private HttpServer server;
  private volatile int status;
  private volatile String body;
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hang;
  private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", ex -> {
      seen.add(Map.of("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
          "ua", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")),
          "path", ex.getRequestURI().getPath()));
      if (hang) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private GovUkPay client() {
    return client(Duration.ofSeconds(20));
  }

  private GovUkPay client(Duration timeout) {
    return GovUkPay.builder().apiKey(KEY).timeout(timeout)
        .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
  }

  private static final String PAYMENT = "{\"amount\":4500,\"reference\":\"R\",\"description\":\"D\","
      + "\"payment_id\":\"abc123\",\"state\":{\"status\":\"failed\",\"finished\":true,\"code\":\"P0010\"},"
      + "\"created_date\":\"2026-12-04T09:00:00.000Z\",\"return_url\":\"https://x.gov.uk\",\"payment_provider\":\"sandbox\","
      + "\"email\":\"someone@example.org\"}";

  @Test
  void everyCallSendsTheKeyAsABearerTokenAndAUserAgent() {
    status = 200;
    body = PAYMENT;
    Payment p = client().find("abc123").orElseThrow();
    assertThat(p.state().failureReason()).contains(PaymentFailureReason.DECLINED);
    assertThat(seen).singleElement().satisfies(h -> {
      assertThat(h.get("auth")).isEqualTo("Bearer " + KEY);
      assertThat(h.get("ua")).startsWith("civickit-pay/");
      assertThat(h.get("path")).isEqualTo("/v1/payments/abc123");
    });
    assertThat(p.toString()).doesNotContain("someone");
  }

  @Test
  void anUnansweredCallTimesOutWithAClearError() {
    hang = true;
    status = 200;
    body = PAYMENT;
    PaymentProviderException e = catchThrowableOfType(() -> client(Duration.ofMillis(500)).find("abc123"),
        PaymentProviderException.class);
    assertThat(e.httpStatus()).isEmpty();
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).contains("get payment", "no answer within PT0.5S");
  }

  @Test
  void aLargeAnswerIsRefusedUnread() {
    status = 200;
    body = "{\"x\":\"" + "a".repeat(70_000) + "\"}";
    assertThatThrownBy(() -> client().find("abc123")).isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("larger than 65536 bytes");
  }

  @Test
  void errorsNameStatusCodeAndFieldButNeverTheBodyOrTheKey() {
    status = 422;
    body = "{\"field\":\"email\",\"code\":\"P0102\",\"description\":\"Invalid attribute value: email someone@example.org\"}";
    PaymentProviderException e = catchThrowableOfType(() -> client().create(PaymentRequest.builder(100, "R", "D",
        URI.create("https://x.gov.uk")).email("someone@example.org").build(), Optional.empty()),
        PaymentProviderException.class);
    assertThat(e.getMessage()).isEqualTo("GOV.UK Pay create payment failed: HTTP 422, code P0102, field email");
    assertThat(e.code()).contains("P0102");
    status = 401;
    body = "";
    PaymentProviderException denied = catchThrowableOfType(() -> client().find("abc123"), PaymentProviderException.class);
    assertThat(denied.getMessage()).contains("API key was refused").doesNotContain(KEY);
    assertThat(client().toString()).doesNotContain(KEY);
  }

  @Test
  void aNotFoundPaymentIsEmptyAndAnUnreadableOneIsAnError() {
    status = 404;
    body = "{\"code\":\"P0200\",\"description\":\"Not found\"}";
    assertThat(client().find("abc123")).isEmpty();
    status = 200;
    body = "{\"payment_id\":\"abc123\"}";
    assertThatThrownBy(() -> client().find("abc123")).hasMessageContaining("unexpected answer");
  }

  @Test
  void idsAndKeysThatCouldEscapeThePathAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> client().find("../payments")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().create(PaymentRequest.builder(1, "R", "D", URI.create("https://x.gov.uk"))
        .build(), Optional.of("bad key"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void theBuilderRefusesWhatPayWouldAndSaysWhy() {
    assertThatThrownBy(() -> GovUkPay.builder().build()).hasMessageContaining("API key");
    assertThatThrownBy(() -> GovUkPay.builder().apiKey("has space")).hasMessageNotContaining("has space");
    assertThatThrownBy(() -> GovUkPay.builder().baseUri(URI.create("http://pay.example.com")))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> PaymentRequest.builder(0, "R", "D", URI.create("https://x.gov.uk")).build())
        .hasMessageContaining("but was 0");
    assertThatThrownBy(() -> PaymentRequest.builder(10_000_001, "R", "D", URI.create("https://x.gov.uk")).build())
        .hasMessageContaining("10000001");
    assertThatThrownBy(() -> PaymentRequest.builder(1, "R".repeat(256), "D", URI.create("https://x.gov.uk")).build())
        .hasMessageContaining("reference").hasMessageContaining("256");
    assertThatThrownBy(() -> PaymentRequest.builder(1, "R", "D", URI.create("http://x.gov.uk")).build())
        .hasMessageContaining("return_url");
    assertThat(PaymentRequest.builder(1, "R", "D", URI.create("http://localhost:8080/r")).build().returnUrl())
        .hasHost("localhost");
    PaymentRequest.Builder many = PaymentRequest.builder(1, "R", "D", URI.create("https://x.gov.uk"));
    for (int i = 0; i < 11; i++) {
      many.metadata("k" + i, "v");
    }
    assertThatThrownBy(many::build).hasMessageContaining("at most 10");
    assertThat(PaymentRequest.builder(1, "R", "D", URI.create("https://x.gov.uk")).email("a@b.org").build().toString())
        .doesNotContain("a@b.org");
  }
}
