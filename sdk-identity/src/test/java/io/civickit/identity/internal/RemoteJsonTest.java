package io.civickit.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.CivicKitException;
import io.civickit.testsupport.TestClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caching by Cache-Control, and keeping the last good copy through an outage. */
class RemoteJsonTest {
  MockWebServer server;
  TestClock clock = TestClock.at("2026-01-01T10:00:00Z");
  RemoteJson<String> doc;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    doc = new RemoteJson<>(server.url("/jwks").uri(), HttpClient.newHttpClient(), "ua-test/1", Duration.ofSeconds(5),
        clock, Duration.ofMinutes(5), s -> s);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  static MockResponse ok(String body, String cacheControl) {
    MockResponse r = new MockResponse().setResponseCode(200).setBody(body);
    return cacheControl == null ? r : r.addHeader("Cache-Control", cacheControl);
  }

  @Test
  void isCachedForItsMaxAgeThenFetchedAgainWithTheUserAgent() throws Exception {
    server.enqueue(ok("v1", "max-age=60, private"));
    server.enqueue(ok("v2", "max-age=60"));
    assertThat(doc.get()).isEqualTo("v1");
    clock.advance(Duration.ofSeconds(59));
    assertThat(doc.get()).isEqualTo("v1");
    assertThat(doc.fetches()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    assertThat(doc.get()).isEqualTo("v2");
    assertThat(doc.fetches()).isEqualTo(2);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("User-Agent")).isEqualTo("ua-test/1");
  }

  @Test
  void noCacheMeansEveryUseFetchesAndNoHeaderMeansTheDefault() {
    server.enqueue(ok("a", "no-cache"));
    server.enqueue(ok("b", "no-cache"));
    server.enqueue(ok("c", null));
    server.enqueue(ok("d", null));
    assertThat(doc.get()).isEqualTo("a");
    assertThat(doc.get()).isEqualTo("b");
    assertThat(doc.get()).isEqualTo("c");
    clock.advance(Duration.ofMinutes(4));
    assertThat(doc.get()).isEqualTo("c");
    clock.advance(Duration.ofMinutes(2));
    assertThat(doc.get()).isEqualTo("d");
  }

  @Test
  void theLastGoodCopyIsKeptThroughAnOutage() throws Exception {
    server.enqueue(ok("v1", "max-age=60"));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(500));
    assertThat(doc.get()).isEqualTo("v1");
    clock.advance(Duration.ofHours(2));
    assertThat(doc.get()).isEqualTo("v1");
    assertThat(doc.refresh()).isEqualTo("v1");
    server.shutdown();
    assertThat(doc.get()).isEqualTo("v1");
  }

  @Test
  void withoutAnyGoodCopyAnOutageIsAnError() {
    server.enqueue(new MockResponse().setResponseCode(500));
    assertThatThrownBy(doc::get).isInstanceOf(CivicKitException.class).hasMessageContaining("HTTP 500");
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedAndTheLastGoodCopyKept() {
    server.enqueue(ok("x".repeat(BoundedBody.DOCUMENT_BYTES + 1), null));
    assertThatThrownBy(() -> doc.get()).isInstanceOf(CivicKitException.class)
        .hasMessageContaining("more than " + BoundedBody.DOCUMENT_BYTES + " bytes");
    server.enqueue(ok("good", "no-cache"));
    assertThat(doc.get()).isEqualTo("good");
    server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody("y".repeat(200_000), 4096));
    assertThat(doc.get()).as("a chunked body with no length is cut off too").isEqualTo("good");
  }
}
