package io.civickit.identity.totp;

import io.civickit.core.internal.crypto.Digests;
import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.Evidence;
import io.civickit.identity.FailureReason;
import io.civickit.identity.IdentityStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;

/**
 * Time-based one-time passwords (RFC 6238) for staff and agents, with authenticator apps.
 *
 * <pre>{@code
 * Totp totp = Totp.builder().store(IdentityStore.jdbc(ds)).build();
 * byte[] secret = Totp.newSecret(TotpAlgorithm.SHA1, new SecureRandom());   // keep it encrypted
 * String uri = totp.enrolmentUri("Council staff", "adviser-42", secret);    // show as a QR code
 * CheckResult r = totp.verify("adviser-42", secret, typed);
 * }</pre>
 *
 * <p>A code is accepted within {@code window} time steps either side of now (clock drift), and
 * never twice: once a step has been used, that step and every earlier one are refused for that
 * user, on every instance sharing the store.
 *
 * <p>Wrong codes are counted per user in the same store: after {@code maxFailures} (5 by default)
 * in a row the user is locked out for {@code lockout} (15 minutes by default) and no code is
 * checked until it ends, so a six-digit code cannot be guessed. A right code resets the count.
 * Each attempt is counted before its code is looked at, so the limit holds however many guesses
 * arrive at once on however many instances; a replayed code counts as a failure.
 */
public final class Totp {
  static final String KIND = "totp";
  static final String FAILURES = "totp-failures";

  private final TotpAlgorithm algorithm;
  private final int digits;
  private final Duration period;
  private final int window;
  private final Clock clock;
  private final IdentityStore store;
  private final AssuranceLevel level;
  private final int maxFailures;
  private final Duration lockout;

  private Totp(Builder b) {
    this.algorithm = b.algorithm;
    this.digits = b.digits;
    this.period = b.period;
    this.window = b.window;
    this.clock = b.clock;
    this.store = b.store;
    this.level = b.level;
    this.maxFailures = b.maxFailures;
    this.lockout = b.lockout;
  }

  /** A builder: SHA-1, 6 digits, 30-second steps, a window of 1 step, an in-memory store. */
  public static Builder builder() {
    return new Builder();
  }

  /** A new random secret of the length RFC 6238 uses with the algorithm. */
  public static byte[] newSecret(TotpAlgorithm algorithm, SecureRandom random) {
    byte[] secret = new byte[algorithm.secretBytes()];
    random.nextBytes(secret);
    return secret;
  }

  /** The secret as unpadded Base32, as authenticator apps take it. */
  public static String base32(byte[] secret) {
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** An {@code otpauth://totp/} URI for a QR code that an authenticator app scans. */
  public String enrolmentUri(String issuer, String account, byte[] secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(issuer)
        + "&algorithm=" + algorithm.uriName() + "&digits=" + digits + "&period=" + period.toSeconds();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The code for the time step containing {@code at}. */
  public String generate(byte[] secret, Instant at) {
    return code(secret, Math.floorDiv(at.getEpochSecond(), period.toSeconds()));
  }

  /**
   * Checks a typed code for a user. Spaces are ignored.
   *
   * @param userId a stable id of the staff member or agent (hashed before it is stored)
   * @param secret their secret
   * @param typed what they typed
   */
  public CheckResult verify(String userId, byte[] secret, String typed) {
    Objects.requireNonNull(userId, "userId");
    String code = typed.replaceAll("\\s", "");
    if (code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new CheckResult.Failed(FailureReason.MALFORMED, true, 0);
    }
    Instant now = clock.instant();
    String key = userKey(userId);
    // The attempt is counted before the code is looked at, in one compare-and-set: however many
    // guesses arrive at once, on however many instances, at most maxFailures are ever evaluated
    // before the lock, and none while it holds.
    Attempt attempt = reserveAttempt(key, now);
    if (attempt.refusedUntil() != null) {
      return new CheckResult.LockedOut(attempt.refusedUntil());
    }
    long step = Math.floorDiv(now.getEpochSecond(), period.toSeconds());
    byte[] typedBytes = code.getBytes(StandardCharsets.US_ASCII);
    long matched = Long.MIN_VALUE;
    // Every candidate is computed and compared, so timing does not say which step matched.
    for (long s = step - window; s <= step + window; s++) {
      if (Digests.equal(code(secret, s).getBytes(StandardCharsets.US_ASCII), typedBytes)) {
        matched = s;
      }
    }
    if (matched == Long.MIN_VALUE) {
      return attempt.lockedFrom() != null
          ? new CheckResult.LockedOut(attempt.lockedFrom())
          : new CheckResult.Failed(FailureReason.NOT_MATCHED, true, maxFailures - attempt.count());
    }
    for (int race = 0; race < 20; race++) {
      Optional<IdentityStore.Entry> entry = store.find(KIND, key);
      long last = entry.map(e -> Long.parseLong(e.value())).orElse(Long.MIN_VALUE);
      if (matched <= last) {
        return new CheckResult.Failed(FailureReason.REPLAYED, true, 0);
      }
      Instant keep = Instant.ofEpochSecond((matched + window + 1) * period.toSeconds()).plus(Duration.ofDays(1));
      if (store.compareAndSet(KIND, key, entry.map(IdentityStore.Entry::version).orElse(0L), Long.toString(matched),
          keep)) {
        resetFailures(key, now);
        return new CheckResult.Verified(level, new Evidence("totp", Map.of("algorithm", algorithm.name()), now));
      }
    }
    throw new IllegalStateException("TOTP state kept changing under 20 attempts");
  }

  /**
   * One counted attempt: {@code count} is its number in the current run of failures; when it is
   * the last one allowed, the lock already stands ({@code lockedFrom}, its end) and only a right
   * code lifts it. {@code refusedUntil} is set when a lock in force refused the attempt.
   */
  private record Attempt(int count, @Nullable Instant lockedFrom, @Nullable Instant refusedUntil) {}

  /**
   * Failure state is "count|lockedUntilEpochMilli" (0 when not locked). A lock in force refuses
   * the attempt and is left exactly as it is; a lock that has ended, or an entry past its
   * expiry, starts a new count.
   */
  private Attempt reserveAttempt(String key, Instant now) {
    for (int race = 0; race < 20; race++) {
      Optional<IdentityStore.Entry> entry = store.find(FAILURES, key);
      int count = 0;
      if (entry.isPresent()) {
        String v = entry.get().value();
        long until = Long.parseLong(v.substring(v.indexOf('|') + 1));
        if (until > now.toEpochMilli()) {
          return new Attempt(0, null, Instant.ofEpochMilli(until));
        }
        if (until == 0 && entry.get().expiresAt().isAfter(now)) {
          count = Integer.parseInt(v.substring(0, v.indexOf('|')));
        }
      }
      count++;
      long version = entry.map(IdentityStore.Entry::version).orElse(0L);
      if (count >= maxFailures) {
        Instant until = now.plus(lockout);
        if (store.compareAndSet(FAILURES, key, version, count + "|" + until.toEpochMilli(), until)) {
          return new Attempt(count, until, null);
        }
      } else if (store.compareAndSet(FAILURES, key, version, count + "|0", now.plus(lockout))) {
        return new Attempt(count, null, null);
      }
    }
    throw new IllegalStateException("TOTP failure count kept changing under 20 attempts");
  }

  private void resetFailures(String key, Instant now) {
    for (int race = 0; race < 20; race++) {
      Optional<IdentityStore.Entry> entry = store.find(FAILURES, key);
      if (entry.isEmpty() || store.compareAndSet(FAILURES, key, entry.get().version(), "0|0", now)) {
        return;
      }
    }
  }

  private static String userKey(String userId) {
    return Digests.sha256Hex(userId);
  }

  /** RFC 4226 HOTP of one counter value, with RFC 6238's choice of HMAC. */
  String code(byte[] secret, long counter) {
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName());
      mac.init(new SecretKeySpec(secret, "RAW"));
      byte[] msg = new byte[8];
      for (int i = 7; i >= 0; i--) {
        msg[i] = (byte) (counter & 0xff);
        counter >>>= 8;
      }
      byte[] h = mac.doFinal(msg);
      int offset = h[h.length - 1] & 0x0f;
      int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
          | (h[offset + 3] & 0xff);
      int mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Integer.toString(binary % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw Digests.missingAlgorithm(algorithm.jcaName(), e);
    }
  }

  /** Builds {@link Totp}; each setter validates at once. */
  public static final class Builder {
    private TotpAlgorithm algorithm = TotpAlgorithm.SHA1;
    private int digits = 6;
    private Duration period = Duration.ofSeconds(30);
    private int window = 1;
    private Clock clock = Clock.systemUTC();
    private IdentityStore store = IdentityStore.inMemory();
    private AssuranceLevel level = AssuranceLevel.NONE;
    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(15);

    private Builder() {}

    /** The HMAC function. */
    public Builder algorithm(TotpAlgorithm value) {
      this.algorithm = Objects.requireNonNull(value, "algorithm");
      return this;
    }

    /** 6, 7 or 8 digits. */
    public Builder digits(int value) {
      if (value < 6 || value > 8) {
        throw new IllegalArgumentException("a TOTP code has 6 to 8 digits, but was " + value);
      }
      this.digits = value;
      return this;
    }

    /** The time step, in whole seconds (30 by default). */
    public Builder period(Duration value) {
      Objects.requireNonNull(value, "period");
      if (value.toSeconds() < 1 || value.toMillis() % 1000 != 0) {
        throw new IllegalArgumentException("the TOTP period must be a whole number of seconds, but was " + value);
      }
      this.period = value;
      return this;
    }

    /** How many steps either side of now are accepted (0 to 10; RFC 6238 suggests at most 1). */
    public Builder window(int value) {
      if (value < 0 || value > 10) {
        throw new IllegalArgumentException("the TOTP window must be 0 to 10 steps, but was " + value);
      }
      this.window = value;
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Where used steps are remembered, so a code is never accepted twice. */
    public Builder store(IdentityStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The assurance level a right code gives (NONE by default: TOTP authenticates, it does not prove identity). */
    public Builder levelOnSuccess(AssuranceLevel value) {
      this.level = Objects.requireNonNull(value, "level");
      return this;
    }

    /** Wrong codes in a row before a lockout (1 to 100; 5 by default). */
    public Builder maxFailures(int value) {
      if (value < 1 || value > 100) {
        throw new IllegalArgumentException("maxFailures must be 1 to 100, but was " + value);
      }
      this.maxFailures = value;
      return this;
    }

    /** How long a lockout lasts (15 minutes by default). */
    public Builder lockout(Duration value) {
      Objects.requireNonNull(value, "lockout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("the lockout must be positive, but was " + value);
      }
      this.lockout = value;
      return this;
    }

    /** Builds it. */
    public Totp build() {
      return new Totp(this);
    }
  }
}
