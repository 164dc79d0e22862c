package io.civickit.identity.internal;

import io.civickit.core.CivicKitException;
import io.civickit.core.Failures;
import io.civickit.core.ServiceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A document fetched over HTTPS (discovery, JWKS, DID) and cached for as long as its
 * {@code Cache-Control: max-age} says. When a refresh fails the last good copy is kept, as GOV.UK
 * One Login asks relying parties to do during an outage. A body over
 * {@link BoundedBody#DOCUMENT_BYTES} is refused like a failed fetch.
 *
 * @param <T> the parsed document
 */
public final class RemoteJson<T> {
  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

  private final URI uri;
  private final HttpClient http;
  private final String userAgent;
  private final Duration timeout;
  private final Clock clock;
  private final Duration defaultMaxAge;
  private final Function<String, T> parser;
  private @Nullable T value;
  private Instant freshUntil = Instant.MIN;
  private int fetches;

  public RemoteJson(URI uri, HttpClient http, String userAgent, Duration timeout, Clock clock, Duration defaultMaxAge,
      Function<String, T> parser) {
    this.uri = uri;
    this.http = http;
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.clock = clock;
    this.defaultMaxAge = defaultMaxAge;
    this.parser = parser;
  }

  /** The document: the cached copy while fresh, else a new one, else (outage) the last good one. */
  public synchronized T get() {
    if (value != null && clock.instant().isBefore(freshUntil)) {
      return value;
    }
    return refresh();
  }

  /**
   * Fetches the document now, whatever the cache says (an unknown key id may mean a rotation).
   * Keeps the last good copy if the fetch fails.
   *
   * @throws ServiceUnavailableException if it fails and there is no good copy yet
   */
  public synchronized T refresh() {
    try {
      HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
          .header("User-Agent", userAgent).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      fetches++;
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("HTTP " + response.statusCode());
      }
      T parsed = parser.apply(BoundedBody.read(response, BoundedBody.DOCUMENT_BYTES, "the server"));
      value = parsed;
      freshUntil = clock.instant().plus(maxAge(response.headers().firstValue("Cache-Control")));
      return parsed;
    } catch (IOException | RuntimeException e) {
      if (value != null) {
        return value;
      }
      throw new ServiceUnavailableException(uri.getHost(), "serve " + uri, e instanceof IOException || e instanceof CivicKitException
          ? String.valueOf(e.getMessage()) : Failures.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(uri.getHost(), "serve " + uri, "interrupted while waiting", e);
    }
  }

  /** How many fetches answered (for tests and metrics). */
  public synchronized int fetches() {
    return fetches;
  }

  private Duration maxAge(Optional<String> cacheControl) {
    if (cacheControl.isEmpty()) {
      return defaultMaxAge;
    }
    String cc = cacheControl.get().toLowerCase(Locale.ROOT);
    if (cc.contains("no-store") || cc.contains("no-cache")) {
      return Duration.ZERO;
    }
    Matcher m = MAX_AGE.matcher(cc);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : defaultMaxAge;
  }
}
