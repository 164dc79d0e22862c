package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class WebhookVerifierProperties {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  @Property
  void aSignatureVerifiesOnlyForTheExactBodyAndSecret(@ForAll @Size(min = 32, max = 64) byte[] secret,
      @ForAll byte[] body, @ForAll @IntRange(min = -299, max = 299) int skewSeconds,
      @ForAll @IntRange(min = 0, max = 1000) int flip) {
    WebhookVerifier v = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    String ts = String.valueOf(NOW.getEpochSecond() + skewSeconds);
    String sig = "v1=" + HexFormat.of().formatHex(WebhookVerifier.sign(secret, ts, body));
    assertThat(v.verify(ts, sig, body)).isEqualTo(WebhookVerifier.Result.VALID);
    if (body.length > 0) {
      byte[] tampered = body.clone();
      tampered[flip % body.length] ^= 1;
      assertThat(v.verify(ts, sig, tampered)).isEqualTo(WebhookVerifier.Result.BAD_SIGNATURE);
    }
    byte[] otherSecret = secret.clone();
    otherSecret[0] ^= 1;
    String otherSig = "v1=" + HexFormat.of().formatHex(WebhookVerifier.sign(otherSecret, ts, body));
    assertThat(v.verify(ts, otherSig, body)).isEqualTo(WebhookVerifier.Result.BAD_SIGNATURE);
  }

  @Property
  void timestampsOutsideTheSkewAreStaleAndJunkIsMalformed(@ForAll @IntRange(min = 301, max = 100_000) int skew,
      @ForAll boolean future) {
    byte[] secret = new byte[32];
    WebhookVerifier v = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    String ts = String.valueOf(NOW.getEpochSecond() + (future ? skew : -skew));
    String sig = "v1=" + HexFormat.of().formatHex(WebhookVerifier.sign(secret, ts, new byte[0]));
    assertThat(v.verify(ts, sig, new byte[0])).isEqualTo(WebhookVerifier.Result.STALE);
    assertThat(v.verify(null, sig, new byte[0])).isEqualTo(WebhookVerifier.Result.MALFORMED);
    assertThat(v.verify(ts, "v1=zz", new byte[0])).isEqualTo(WebhookVerifier.Result.MALFORMED);
    assertThat(v.verify("abc", sig, new byte[0])).isEqualTo(WebhookVerifier.Result.MALFORMED);
  }
}
