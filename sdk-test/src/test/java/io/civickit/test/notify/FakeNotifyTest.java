package io.civickit.test.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.civickit.notify.channel.NotifyApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake refuses what Notify refuses, with Notify's error JSON. */
class FakeNotifyTest {
  private static final String TEMPLATE = "5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c";
  private final FakeNotify notify = FakeNotify.start();
  private final NotifyApiKey key = NotifyApiKey.parse(notify.apiKey());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    notify.close();
  }

  private String token(String iss, String secret, Instant iat) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder().issuer(iss).issueTime(Date.from(iat)).build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private HttpResponse<String> post(String type, String json, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications/" + type))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode firstError(HttpResponse<String> r) throws Exception {
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.path("status_code").asInt()).isEqualTo(r.statusCode());
    return body.path("errors").get(0);
  }

  private String good() throws Exception {
    return token(key.serviceId(), key.secret(), Instant.now());
  }

  @Test
  void aValidEmailIsAcceptedWithTheDocumentedResponse() throws Exception {
    HttpResponse<String> r = post("email", "{\"email_address\":\"sam@example.org\",\"template_id\":\"" + TEMPLATE
        + "\",\"personalisation\":{\"name\":\"Sam\"},\"reference\":\"r1\"}", good());
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.path("id").asText()).isEqualTo(notify.sent().get(0).id());
    assertThat(body.path("reference").asText()).isEqualTo("r1");
    assertThat(body.path("content").has("subject")).isTrue();
    assertThat(body.path("content").has("from_email")).isTrue();
    assertThat(body.path("template").path("id").asText()).isEqualTo(TEMPLATE);
    assertThat(body.path("uri").asText()).endsWith("/v2/notifications/" + body.path("id").asText());
  }

  @Test
  void requestsWithoutAValidTokenAreRefused() throws Exception {
    String json = "{\"phone_number\":\"07700900123\",\"template_id\":\"" + TEMPLATE + "\"}";
    HttpResponse<String> none = post("sms", json, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(firstError(none).path("error").asText()).isEqualTo("AuthError");
    HttpResponse<String> wrongSecret = post("sms", json,
        token(key.serviceId(), "00000000-0000-4000-8000-000000000000", Instant.now()));
    assertThat(wrongSecret.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongIss = post("sms", json,
        token("00000000-0000-4000-8000-000000000000", key.secret(), Instant.now()));
    assertThat(wrongIss.statusCode()).isEqualTo(403);
    HttpResponse<String> old = post("sms", json, token(key.serviceId(), key.secret(), Instant.now().minusSeconds(31)));
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(firstError(old).path("message").asText()).contains("30 seconds");
    assertThat(notify.sent()).isEmpty();
  }

  @Test
  void bodiesAreValidatedLikeNotify() throws Exception {
    HttpResponse<String> extra = post("sms", "{\"phone_number\":\"07700900123\",\"template_id\":\"" + TEMPLATE
        + "\",\"email_address\":\"x@y.org\"}", good());
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(firstError(extra).path("error").asText()).isEqualTo("ValidationError");
    assertThat(firstError(extra).path("message").asText())
        .isEqualTo("Additional properties are not allowed (email_address was unexpected)");
    HttpResponse<String> missing = post("email", "{\"template_id\":\"" + TEMPLATE + "\"}", good());
    assertThat(firstError(missing).path("message").asText()).isEqualTo("email_address is a required property");
    HttpResponse<String> badEmail = post("email", "{\"email_address\":\"nope\",\"template_id\":\"" + TEMPLATE + "\"}",
        good());
    assertThat(firstError(badEmail).path("message").asText()).isEqualTo("email_address Not a valid email address");
    HttpResponse<String> shortLetter = post("letter", "{\"template_id\":\"" + TEMPLATE
        + "\",\"personalisation\":{\"address_line_1\":\"A\",\"address_line_2\":\"B\"}}", good());
    assertThat(firstError(shortLetter).path("message").asText()).isEqualTo("Address must be at least 3 lines");
    assertThat(notify.sent()).isEmpty();
  }

  @Test
  void filesSentByEmailAreCheckedAsNotifyDocumentsThem() throws Exception {
    String ok = java.util.Base64.getEncoder().encodeToString("%PDF-1.7 a copy".getBytes(StandardCharsets.UTF_8));
    String base = "{\"email_address\":\"team@example.org\",\"template_id\":\"" + TEMPLATE
        + "\",\"personalisation\":{\"link_to_pdf\":";
    HttpResponse<String> good = post("email", base + "{\"file\":\"" + ok + "\",\"filename\":\"copy.pdf\","
        + "\"confirm_email_before_download\":true,\"retention_period\":\"26 weeks\"}}}", good());
    assertThat(good.statusCode()).isEqualTo(201);
    HttpResponse<String> noFile = post("email", base + "{\"filename\":\"copy.pdf\"}}}", good());
    assertThat(firstError(noFile).path("message").asText()).contains("file is a required property");
    HttpResponse<String> both = post("email", base + "{\"file\":\"" + ok + "\",\"filename\":\"copy.pdf\","
        + "\"is_csv\":false}}}", good());
    assertThat(firstError(both).path("message").asText()).contains("cannot both be set");
    HttpResponse<String> noExtension = post("email", base + "{\"file\":\"" + ok + "\",\"filename\":\"copy\"}}}",
        good());
    assertThat(firstError(noExtension).path("message").asText()).contains("file extension");
    HttpResponse<String> tooLong = post("email", base + "{\"file\":\"" + ok + "\",\"retention_period\":\"79 weeks\"}}}",
        good());
    assertThat(firstError(tooLong).path("message").asText()).contains("1 to 78 weeks");
    String big = java.util.Base64.getEncoder().encodeToString(new byte[2 * 1024 * 1024 + 1]);
    HttpResponse<String> tooBig = post("email", base + "{\"file\":\"" + big + "\"}}}", good());
    assertThat(firstError(tooBig).path("message").asText()).contains("larger than 2MB");
    assertThat(notify.sent()).hasSize(1);
  }
}
