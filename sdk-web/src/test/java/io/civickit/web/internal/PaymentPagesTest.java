package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.web.WebResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's payment pages where they refuse or show something before GOV.UK Pay is ever
 * called: the client points at a closed port, so a call would fail the test. Paying itself is
 * tested against {@code FakeGovUkPay} on the garden waste example ({@code PaymentHttpTest},
 * {@code PaymentJourneyBrowserTest}): sdk-test, which holds the fake, depends on this module.
 */
class PaymentPagesTest {
  private static final String SECRET = "the-webhook-signing-secret";

  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    GovUkPay nowhere = GovUkPay.builder().apiKey("api_test_never_used").baseUri(URI.create("http://127.0.0.1:9"))
        .timeout(Duration.ofSeconds(1)).build();
    FeeRules fees = FeeRules.builder().fixed("permit", "Permit", 4500).welsh("Trwydded").build();
    web = new InProcess(dir, Map.of(), (self, b) -> b.payments(nowhere, fees, "A permit").payWebhooks(SECRET));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private static String location(WebResponse r) {
    return r.header("Location").orElse("");
  }

  private static String sign(byte[] body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private WebResponse webhook(byte[] body, String signature) {
    InProcess.Browser pay = web.browser();   // no cookie, no CSRF token: GOV.UK Pay has neither
    return pay.send("POST", "/payment/webhook", "application/json", body,
        signature == null ? Map.of() : Map.of("pay-signature", signature));
  }

  @Test
  void thePaymentStepComesAfterTheEmailCheckWithTheFeeOnCheckAnswersAndAFormActionForGovUkPay() {
    InProcess.Browser b = web.browser();
    b.get("/");
    assertThat(location(b.post("/start", Map.of()))).isEqualTo("/apply/where");
    assertThat(location(b.post("/apply/where", Map.of("where", "Oak Lane")))).isEqualTo("/apply/contact");
    assertThat(location(b.post("/apply/contact", Map.of("email", "payer@example.org")))).isEqualTo("/apply/check-answers");
    String check = b.get("/apply/check-answers").bodyText();
    assertThat(check).contains("Fee to pay", "Permit", "<strong id=\"total\">£45</strong>");
    assertThat(location(b.post("/apply/check-answers", Map.of()))).isEqualTo("/apply/confirm-email");
    Matcher code = Pattern.compile("([0-9]{6})").matcher(web.emails.get(web.emails.size() - 1));
    assertThat(code.find()).isTrue();
    assertThat(location(b.post("/apply/confirm-email", Map.of("code", code.group(1))))).isEqualTo("/apply/pay");
    WebResponse pay = b.get("/apply/pay");
    assertThat(pay.status()).isEqualTo(200);
    assertThat(pay.bodyText()).contains("Pay for your application", "<strong id=\"total\">£45</strong>",
        "action=\"/apply/pay\"", "id=\"pay-now\"", "name=\"csrf\"");
    assertThat(pay.header("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self' https://card.payments.service.gov.uk http://127.0.0.1:9;");
    assertThat(b.get("/apply/where").header("Content-Security-Policy").orElseThrow()).contains("form-action 'self';");
    assertThat(location(b.get("/payment/return"))).as("not started: back to the payment page").isEqualTo("/apply/pay");
  }

  @Test
  void theReturnUrlWithoutAJourneyGoesToTheStartAndChangesNothing() {
    assertThat(location(web.browser().get("/payment/return"))).isEqualTo("/");
    assertThat(web.rows("civickit_payments")).isZero();
  }

  @Test
  void aWebhookNeedsNoSessionButIsRefusedWithoutTheRightSignature() throws Exception {
    byte[] body = "{\"resource_id\":\"abc123\",\"resource_type\":\"payment\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(webhook(body, null).status()).isEqualTo(401);
    assertThat(webhook(body, sign(body, "another-secret")).status()).isEqualTo(401);
    assertThat(webhook(body, "zz").status()).isEqualTo(401);
    // signed, about a payment this service does not know: accepted and ignored, GOV.UK Pay never asked
    assertThat(webhook(body, sign(body, SECRET)).status()).isEqualTo(200);
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    assertThat(webhook(notJson, sign(notJson, SECRET)).status()).isEqualTo(400);
  }

  @Test
  void aWebhookBodyOverTheLimitIsRefusedUnread() throws Exception {
    byte[] big = new byte[256 * 1024 + 1];
    WebResponse r = webhook(big, sign(big, SECRET));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.header("Connection")).contains("close");
  }

  @Test
  void aRefundIsOnlyAPostWithTheCsrfTokenFromASignedInAdviser() {
    InProcess.Browser stranger = web.browser();
    assertThat(stranger.get("/agent/payments/ABC-DEF-GHJ/refund").status()).as("a GET refunds nothing").isEqualTo(405);
    assertThat(stranger.post("/agent/payments/ABC-DEF-GHJ/refund", Map.of("amount", "45")).status())
        .as("no session").isEqualTo(403);
    stranger.get("/");
    String token = stranger.csrf;
    stranger.csrf = "forged";
    assertThat(stranger.post("/agent/payments/ABC-DEF-GHJ/refund", Map.of("amount", "45")).status())
        .as("a forged token").isEqualTo(403);
    stranger.csrf = token;
    assertThat(location(stranger.post("/agent/payments/ABC-DEF-GHJ/refund", Map.of("amount", "45"))))
        .as("not signed in").isEqualTo("/agent/login");

    InProcess.Browser adviser = web.browser();
    adviser.get("/agent/login");
    adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD));
    assertThat(adviser.get("/agent").bodyText()).contains("href=\"/agent/payments\"");
    WebResponse none = adviser.post("/agent/payments/ABC-DEF-GHJ/refund", Map.of("amount", "45"));
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.bodyText()).contains("There is no such application.");
  }
}
