package io.civickit.identity.matching;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.Evidence;
import io.civickit.identity.FailureReason;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.internal.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches what a person says against the council's own record.
 *
 * <pre>{@code
 * RecordMatcher matcher = RecordMatcher.builder()
 *     .lookup(councilTaxLookup)
 *     .policy(MatchPolicy.referenceAndPostcode())
 *     .serverKey(keyBytes)
 *     .store(IdentityStore.jdbc(dataSource))
 *     .build();
 * CheckResult r = matcher.check(Claim.builder().reference("CT-1234 5678").postcode("sw1a1aa").build());
 * }</pre>
 *
 * <p>Every failure is the same {@link FailureReason#NOT_MATCHED}, whether the reference does not
 * exist or one fact differs, so the answer cannot be used to learn what the council holds.
 * Failures count against the reference (or, without one, the postcode): after
 * {@code maxFailures} the key is locked out for {@code lockout} on every instance sharing the store,
 * and during a lockout the council's system is not even asked.
 *
 * <p>Names are compared with Jaro-Winkler similarity ({@link Normalise#nameSimilarity}); the
 * default threshold of {@value #DEFAULT_NAME_THRESHOLD} accepts a missed letter or a swapped pair in a
 * typical name ({@code Jon Smith} for {@code John Smith}, 0.97) and refuses a different first name
 * of the same family ({@code Jane Doe} for {@code John Doe}, 0.90).
 */
public final class RecordMatcher {
  /** The default name similarity threshold. */
  public static final double DEFAULT_NAME_THRESHOLD = 0.92;
  static final String KIND = "record-match";

  private final CouncilRecordLookup lookup;
  private final MatchPolicy policy;
  private final Secrets secrets;
  private final IdentityStore store;
  private final Clock clock;
  private final double nameThreshold;
  private final int maxFailures;
  private final Duration lockout;
  private final AssuranceLevel level;

  private RecordMatcher(Builder b) {
    this.lookup = b.lookup;
    this.policy = b.policy;
    this.secrets = new Secrets(b.serverKey);
    this.store = b.store;
    this.clock = b.clock;
    this.nameThreshold = b.nameThreshold;
    this.maxFailures = b.maxFailures;
    this.lockout = b.lockout;
    this.level = b.level;
  }

  /** A builder: 5 failures per reference, then a 30-minute lockout; name threshold {@value #DEFAULT_NAME_THRESHOLD}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy in force. */
  public MatchPolicy policy() {
    return policy;
  }

  /** Checks a claim. Never throws for anything a person can type. */
  public CheckResult check(Claim claim) {
    Optional<String> lockKey = lockKey(claim);
    if (lockKey.isEmpty()) {
      return new CheckResult.Failed(FailureReason.MALFORMED, true, 0);
    }
    String key = secrets.macHex("record", lockKey.get());
    for (int race = 0; race < 20; race++) {
      Instant now = clock.instant();
      Optional<IdentityStore.Entry> entry = store.find(KIND, key);
      long version = entry.map(IdentityStore.Entry::version).orElse(0L);
      int failures = 0;
      if (entry.isPresent() && !entry.get().expiresAt().isBefore(now)) {
        String[] p = entry.get().value().split("\\|");
        failures = Integer.parseInt(p[0]);
        long lockedUntil = Long.parseLong(p[1]);
        if (lockedUntil > now.toEpochMilli()) {
          return new CheckResult.LockedOut(Instant.ofEpochMilli(lockedUntil));
        }
        if (lockedUntil != 0) {
          failures = 0;
        }
      }
      boolean matched = matches(claim);
      if (matched) {
        if (version == 0 || store.compareAndSet(KIND, key, version, "0|0", now)) {
          return new CheckResult.Verified(level, new Evidence("council-record", Map.of("policy", policy.name()), now));
        }
        continue;
      }
      failures++;
      if (failures >= maxFailures) {
        Instant until = now.plus(lockout);
        if (store.compareAndSet(KIND, key, version, failures + "|" + until.toEpochMilli(), until)) {
          return new CheckResult.LockedOut(until);
        }
        continue;
      }
      if (store.compareAndSet(KIND, key, version, failures + "|0", now.plus(lockout))) {
        return new CheckResult.Failed(FailureReason.NOT_MATCHED, true, maxFailures - failures);
      }
    }
    throw new IllegalStateException("record-matching state kept changing under 20 attempts");
  }

  private Optional<String> lockKey(Claim claim) {
    if (claim.has(Fact.REFERENCE) && (policy.required().contains(Fact.REFERENCE) || policy.optional().contains(Fact.REFERENCE))) {
      return Optional.of("ref:" + Normalise.reference(claim.reference().orElseThrow()));
    }
    if (claim.has(Fact.POSTCODE)) {
      return Optional.of("postcode:" + Normalise.postcode(claim.postcode().orElseThrow()));
    }
    return Optional.empty();
  }

  private boolean matches(Claim claim) {
    for (Fact f : policy.required()) {
      if (!claim.has(f)) {
        return false;
      }
    }
    List<CouncilRecord> candidates = new ArrayList<>();
    boolean usesReference = policy.required().contains(Fact.REFERENCE) || policy.optional().contains(Fact.REFERENCE);
    if (claim.has(Fact.REFERENCE) && usesReference) {
      lookup.findByReference(Normalise.reference(claim.reference().orElseThrow())).ifPresent(candidates::add);
    } else if (claim.has(Fact.POSTCODE)) {
      candidates.addAll(lookup.findByPostcode(Normalise.postcode(claim.postcode().orElseThrow())));
    }
    int matches = 0;
    for (CouncilRecord record : candidates) {
      if (satisfies(claim, record)) {
        matches++;
      }
    }
    // Two records at one postcode that both fit is not a match: the claim does not say which.
    return matches == 1;
  }

  private boolean satisfies(Claim claim, CouncilRecord record) {
    for (Fact f : policy.required()) {
      if (!agrees(f, claim, record)) {
        return false;
      }
    }
    int agreed = 0;
    for (Fact f : policy.optional()) {
      if (claim.has(f) && agrees(f, claim, record)) {
        agreed++;
      }
    }
    return agreed >= policy.optionalNeeded();
  }

  private boolean agrees(Fact fact, Claim claim, CouncilRecord record) {
    switch (fact) {
      case REFERENCE:
        return claim.reference().map(Normalise::reference)
            .map(r -> r.equals(Normalise.reference(record.reference()))).orElse(false);
      case NAME:
        return claim.name().isPresent() && record.name().isPresent()
            && Normalise.nameSimilarity(claim.name().get(), record.name().get()) >= nameThreshold;
      case DATE_OF_BIRTH:
        Optional<LocalDate> typed = claim.dateOfBirth().flatMap(Normalise::date);
        return typed.isPresent() && record.dateOfBirth().isPresent() && typed.get().equals(record.dateOfBirth().get());
      case POSTCODE:
        return claim.postcode().isPresent() && record.postcode().isPresent()
            && Normalise.postcode(claim.postcode().get()).equals(Normalise.postcode(record.postcode().get()));
      default:
        return false;
    }
  }

  /** Builds a {@link RecordMatcher}; each setter validates at once. */
  public static final class Builder {
    private CouncilRecordLookup lookup;
    private MatchPolicy policy = MatchPolicy.referenceAndPostcode();
    private byte[] serverKey;
    private IdentityStore store = IdentityStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private double nameThreshold = DEFAULT_NAME_THRESHOLD;
    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(30);
    private AssuranceLevel level = AssuranceLevel.LOW;

    private Builder() {}

    /** The council's records. Required. */
    public Builder lookup(CouncilRecordLookup value) {
      this.lookup = Objects.requireNonNull(value, "lookup");
      return this;
    }

    /** Which facts must agree (reference and postcode by default). */
    public Builder policy(MatchPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The key references are hashed under before they are stored: 32+ secret bytes. Required. */
    public Builder serverKey(byte[] value) {
      new Secrets(value);
      this.serverKey = value.clone();
      return this;
    }

    /** Where failure counts live; {@link IdentityStore#jdbc} when several instances run. */
    public Builder store(IdentityStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The least Jaro-Winkler similarity for two names to agree, from 0.8 to 1. */
    public Builder nameThreshold(double value) {
      if (!(value >= 0.8 && value <= 1.0)) {
        throw new IllegalArgumentException("the name threshold must be 0.8 to 1.0, but was " + value);
      }
      this.nameThreshold = value;
      return this;
    }

    /** Failures per reference before a lockout (1 to 20). */
    public Builder maxFailures(int value) {
      if (value < 1 || value > 20) {
        throw new IllegalArgumentException("maxFailures must be 1 to 20, but was " + value);
      }
      this.maxFailures = value;
      return this;
    }

    /** How long a lockout lasts. */
    public Builder lockout(Duration value) {
      Objects.requireNonNull(value, "lockout");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("the lockout must be positive, but was " + value);
      }
      this.lockout = value;
      return this;
    }

    /** The assurance level a match gives (LOW by default; the council decides). */
    public Builder levelOnSuccess(AssuranceLevel value) {
      this.level = Objects.requireNonNull(value, "level");
      return this;
    }

    /**
     * Builds it.
     *
     * @throws IllegalStateException without a lookup or a server key
     */
    public RecordMatcher build() {
      if (lookup == null) {
        throw new IllegalStateException("a CouncilRecordLookup is required");
      }
      if (serverKey == null) {
        throw new IllegalStateException("a server key is required: references are stored only as keyed hashes");
      }
      return new RecordMatcher(this);
    }
  }
}
