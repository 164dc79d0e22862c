package io.civickit.test.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake checks requests as GOV.UK Pay documents them. */
class FakeGovUkPayTest {
  @RegisterExtension
  static final FakeGovUkPay PAY = FakeGovUkPay.start();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = "{\"amount\":4500,\"reference\":\"REF-1\",\"description\":\"Bin\","
      + "\"return_url\":\"https://x.gov.uk/r\"}";

  private static HttpResponse<String> post(String path, String body, String auth, String contentType, String key)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PAY.baseUri() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> create(String body) throws Exception {
    return post("/v1/payments", body, "Bearer " + PAY.apiKey(), "application/json", null);
  }

  @Test
  void aValidRequestIsCreatedWithAPaymentPage() throws Exception {
    HttpResponse<String> r = create(VALID);
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode n = JSON.readTree(r.body());
    assertThat(n.get("payment_id").asText()).matches("[a-z0-9]{26}");
    assertThat(n.at("/state/status").asText()).isEqualTo("created");
    assertThat(n.at("/_links/next_url/href").asText()).startsWith(PAY.baseUri() + "/secure/");
    assertThat(r.headers().firstValue("Location")).contains(PAY.baseUri() + "/v1/payments/" + n.get("payment_id").asText());
  }

  @Test
  void callsWithoutTheBearerKeyAreRefused() throws Exception {
    assertThat(post("/v1/payments", VALID, null, "application/json", null).statusCode()).isEqualTo(401);
    assertThat(post("/v1/payments", VALID, "Bearer wrong", "application/json", null).statusCode()).isEqualTo(401);
    assertThat(post("/v1/payments", VALID, PAY.apiKey(), "application/json", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() throws Exception {
    assertThat(post("/v1/payments", VALID, "Bearer " + PAY.apiKey(), "text/plain", null).statusCode()).isEqualTo(415);
    HttpResponse<String> r = create("{not json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("P0197");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\"}|400|P0101|amount",
      "{\"amount\":1,\"description\":\"D\",\"return_url\":\"https://x.gov.uk\"}|400|P0101|reference",
      "{\"amount\":1,\"reference\":\"R\",\"return_url\":\"https://x.gov.uk\"}|400|P0101|description",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\"}|400|P0101|return_url",
      "{\"amount\":0,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\"}|422|P0102|amount",
      "{\"amount\":10000001,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\"}|422|P0102|amount",
      "{\"amount\":1.5,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\"}|422|P0102|amount",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"http://x.gov.uk\"}|422|P0102|return_url",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"/relative\"}|422|P0102|return_url",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\",\"language\":\"fr\"}|422|P0102|language",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\",\"delayed_capture\":\"yes\"}|422|P0102|delayed_capture",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\",\"colour\":\"red\"}|400|P0104|colour",
      "{\"amount\":1,\"reference\":\"R\",\"description\":\"D\",\"return_url\":\"https://x.gov.uk\",\"metadata\":{\"a\":{\"b\":1}}}|422|P0102|metadata"})
  void badRequestsAreRefusedWithPaysCodeAndTheField(String body, int status, String code, String field) throws Exception {
    HttpResponse<String> r = create(body);
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode n = JSON.readTree(r.body());
    assertThat(n.get("code").asText()).isEqualTo(code);
    assertThat(n.get("field").asText()).isEqualTo(field);
  }

  @Test
  void textLimitsAreTheDocumentedOnes() throws Exception {
    String ok = "{\"amount\":1,\"reference\":\"" + "r".repeat(255) + "\",\"description\":\"" + "d".repeat(255)
        + "\",\"return_url\":\"http://localhost:8080/r\"}";
    assertThat(create(ok).statusCode()).isEqualTo(201);
    String tooLong = "{\"amount\":1,\"reference\":\"" + "r".repeat(256) + "\",\"description\":\"d\","
        + "\"return_url\":\"https://x.gov.uk\"}";
    assertThat(create(tooLong).statusCode()).isEqualTo(422);
    StringBuilder md = new StringBuilder("{");
    for (int i = 0; i < 11; i++) {
      md.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    String elevenPairs = "{\"amount\":1,\"reference\":\"r\",\"description\":\"d\",\"return_url\":\"https://x.gov.uk\","
        + "\"metadata\":" + md + "}}";
    assertThat(create(elevenPairs).statusCode()).isEqualTo(422);
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSamePaymentAndAnotherBodyIsAConflict() throws Exception {
    String auth = "Bearer " + PAY.apiKey();
    HttpResponse<String> first = post("/v1/payments", VALID, auth, "application/json", "key-123");
    HttpResponse<String> again = post("/v1/payments", VALID, auth, "application/json", "key-123");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("payment_id")).isEqualTo(JSON.readTree(first.body()).get("payment_id"));
    HttpResponse<String> other = post("/v1/payments", VALID.replace("4500", "4600"), auth, "application/json", "key-123");
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("P0191");
    assertThat(post("/v1/payments", VALID, auth, "application/json", "bad key!").statusCode()).isEqualTo(422);
  }

  @Test
  void theCardPageIsLabelledAsATestAndRedirectsToTheReturnUrl() throws Exception {
    JsonNode n = JSON.readTree(create(VALID.replace("https://x.gov.uk/r", "https://x.gov.uk/r?a=1&b=2")).body());
    URI page = URI.create(n.at("/_links/next_url/href").asText());
    HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(html.body()).contains("This is a TEST payment", "<html lang=\"en\"", "£45.00");
    HttpResponse<String> pay = HTTP.send(HttpRequest.newBuilder(page)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("action=decline")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pay.statusCode()).isEqualTo(303);
    assertThat(pay.headers().firstValue("Location")).contains("https://x.gov.uk/r?a=1&b=2");
    assertThat(PAY.status(n.get("payment_id").asText())).contains("failed");
  }

  @Test
  void unknownPaymentsAre404WithPaysCode() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(PAY.baseUri() + "/v1/payments/"
        + "a".repeat(26))).header("Authorization", "Bearer " + PAY.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("P0200");
  }
}
