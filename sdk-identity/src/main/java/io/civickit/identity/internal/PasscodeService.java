package io.civickit.identity.internal;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.Evidence;
import io.civickit.identity.FailureReason;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.passcode.PasscodePolicy;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.passcode.PasscodeSendResult;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Passcodes} implementation: all state lives in the {@link IdentityStore}. Logs name a
 * contact only by the first 12 hex digits of its keyed hash, and never a code.
 */
public final class PasscodeService implements Passcodes {
  private static final Logger LOG = LoggerFactory.getLogger(PasscodeService.class);
  static final String KIND = "passcode";
  private static final int MAX_RACES = 20;

  private final Notifier notifier;
  private final @Nullable String emailTemplate;
  private final @Nullable String smsTemplate;
  private final Secrets secrets;
  private final IdentityStore store;
  private final PasscodePolicy policy;
  private final Clock clock;
  private final SecureRandom random;
  private final AssuranceLevel levelOnSuccess;

  public PasscodeService(Notifier notifier, @Nullable String emailTemplate, @Nullable String smsTemplate,
      byte[] serverKey, IdentityStore store, PasscodePolicy policy, Clock clock, SecureRandom random,
      AssuranceLevel levelOnSuccess) {
    this.notifier = notifier;
    this.emailTemplate = emailTemplate;
    this.smsTemplate = smsTemplate;
    this.secrets = new Secrets(serverKey);
    this.store = store;
    this.policy = policy;
    this.clock = clock;
    this.random = random;
    this.levelOnSuccess = levelOnSuccess;
  }

  /** A code of {@code digits} digits, every value from 0 to 10^digits - 1 equally likely. */
  public static String newCode(SecureRandom random, int digits) {
    long bound = 1;
    for (int i = 0; i < digits; i++) {
      bound *= 10;
    }
    long value = random.nextLong(bound);
    String s = Long.toString(value);
    return "0".repeat(digits - s.length()) + s;
  }

  @Override
  public PasscodePolicy policy() {
    return policy;
  }

  @Override
  public PasscodeSendResult send(Recipient contact, Locale language) {
    String canonical = Contacts.canonical(contact);
    String templateId = contact instanceof Recipient.Email ? emailTemplate : smsTemplate;
    if (templateId == null) {
      throw new IllegalArgumentException("no template is configured for " + Contacts.channel(contact) + " passcodes");
    }
    String key = secrets.macHex("contact", canonical);
    for (int race = 0; race < MAX_RACES; race++) {
      Snapshot read = read(key);
      Instant now = read.now();
      PasscodeState state = read.state();
      if (state.lockedUntil() > now.toEpochMilli()) {
        return new PasscodeSendResult.LockedOut(Instant.ofEpochMilli(state.lockedUntil()));
      }
      long windowStart = state.windowStart();
      int sends = state.sends();
      if (windowStart == 0 || now.toEpochMilli() - windowStart >= policy.sendWindow().toMillis()) {
        windowStart = now.toEpochMilli();
        sends = 0;
      }
      long nextAllowed = state.lastSent() + policy.resendInterval().toMillis();
      if (state.lastSent() != 0 && nextAllowed > now.toEpochMilli()) {
        return new PasscodeSendResult.Throttled(Instant.ofEpochMilli(nextAllowed));
      }
      if (sends >= policy.maxSendsPerWindow()) {
        return new PasscodeSendResult.Throttled(Instant.ofEpochMilli(windowStart + policy.sendWindow().toMillis()));
      }
      String code = newCode(random, policy.digits());
      Instant expiresAt = now.plus(policy.expiry());
      PasscodeState next = new PasscodeState(secrets.macHex("code", key, code), expiresAt.toEpochMilli(),
          state.failures(), 0, now.toEpochMilli(), windowStart, sends + 1);
      if (!read.replace(next)) {
        continue;
      }
      NotificationId id;
      try {
        id = notifier.send(new NotificationRequest(templateId, contact,
            Map.of("code", code, "minutes", Long.toString(policy.expiry().toMinutes())),
            "passcode-" + key.substring(0, 24) + "-" + now.toEpochMilli(), language));
      } catch (RuntimeException e) {
        // Nothing was sent: put the state back so the person is not throttled for a code they never got.
        // The wrong-try count is untouched either way.
        read.putBack();
        throw e;
      }
      LOG.info("passcode sent by {} to contact {}", Contacts.channel(contact), key.substring(0, 12));
      return new PasscodeSendResult.Sent(id, expiresAt);
    }
    throw new IllegalStateException("passcode state kept changing under " + MAX_RACES + " attempts to send");
  }

  @Override
  public CheckResult verify(Recipient contact, String typed) {
    String canonical = Contacts.canonical(contact);
    String key = secrets.macHex("contact", canonical);
    String code = typed.replaceAll("[\\s-]", "");
    boolean wellFormed = code.length() == policy.digits() && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    for (int race = 0; race < MAX_RACES; race++) {
      Snapshot read = read(key);
      Instant now = read.now();
      PasscodeState state = read.state();
      if (state.lockedUntil() > now.toEpochMilli()) {
        return new CheckResult.LockedOut(Instant.ofEpochMilli(state.lockedUntil()));
      }
      int triesLeft = policy.maxWrongTries() - state.failures();
      if (!wellFormed) {
        return new CheckResult.Failed(FailureReason.MALFORMED, true, triesLeft);
      }
      if (state.codeHash().isEmpty()) {
        return new CheckResult.Failed(FailureReason.NO_ACTIVE_CODE, false, triesLeft);
      }
      boolean right = Secrets.matches(secrets.mac("code", key, code), state.codeHash());
      boolean expired = state.codeExpires() <= now.toEpochMilli();
      if (right && expired) {
        PasscodeState next = state.withoutCode();
        if (read.replace(next)) {
          return new CheckResult.Failed(FailureReason.EXPIRED, false, triesLeft);
        }
        continue;
      }
      if (right) {
        PasscodeState next = new PasscodeState("", 0, 0, 0, state.lastSent(), state.windowStart(), state.sends());
        if (read.replace(next)) {
          return new CheckResult.Verified(levelOnSuccess, new Evidence(Contacts.channel(contact) + "-passcode",
              Map.of("channel", Contacts.channel(contact)), now));
        }
        continue;
      }
      int failures = state.failures() + 1;
      if (failures >= policy.maxWrongTries()) {
        Instant until = now.plus(policy.lockout());
        PasscodeState next = new PasscodeState("", 0, failures, until.toEpochMilli(), state.lastSent(),
            state.windowStart(), state.sends());
        if (read.replace(next)) {
          LOG.info("passcode contact {} locked out until {} after {} wrong codes", key.substring(0, 12), until, failures);
          return new CheckResult.LockedOut(until);
        }
        continue;
      }
      PasscodeState next = new PasscodeState(state.codeHash(), state.codeExpires(), failures, 0, state.lastSent(),
          state.windowStart(), state.sends());
      if (read.replace(next)) {
        return new CheckResult.Failed(FailureReason.NOT_MATCHED, true, policy.maxWrongTries() - failures);
      }
    }
    throw new IllegalStateException("passcode state kept changing under " + MAX_RACES + " attempts to verify");
  }

  /** One contact's entry as read at one moment: the state in force then, and how to replace it if unchanged. */
  private final class Snapshot {
    private final String key;
    private final Instant now;
    private final Optional<IdentityStore.Entry> entry;
    private final long version;
    private final PasscodeState state;

    Snapshot(String key, Instant now, Optional<IdentityStore.Entry> entry) {
      this.key = key;
      this.now = now;
      this.entry = entry;
      this.version = entry.map(IdentityStore.Entry::version).orElse(0L);
      this.state = current(entry, now);
    }

    Instant now() {
      return now;
    }

    PasscodeState state() {
      return state;
    }

    /** Writes {@code next} if nobody changed the entry since it was read; false if somebody did. */
    boolean replace(PasscodeState next) {
      return store.compareAndSet(KIND, key, version, next.encode(), keepUntil(next, now));
    }

    /** Undoes this instance's own {@link #replace}: the entry as it was read, if nobody changed it since. */
    void putBack() {
      PasscodeState previous = entry.isPresent() ? PasscodeState.decode(entry.get().value()) : PasscodeState.EMPTY;
      store.compareAndSet(KIND, key, version + 1, previous.encode(), keepUntil(previous, now));
    }
  }

  private Snapshot read(String key) {
    return new Snapshot(key, clock.instant(), store.find(KIND, key));
  }

  /** The state in force now: an entry past its keep-until, or a lockout that has ended, is a fresh start. */
  private PasscodeState current(Optional<IdentityStore.Entry> entry, Instant now) {
    if (entry.isEmpty() || entry.get().expiresAt().isBefore(now)) {
      return PasscodeState.EMPTY;
    }
    PasscodeState state = PasscodeState.decode(entry.get().value());
    if (state.lockedUntil() != 0 && state.lockedUntil() <= now.toEpochMilli()) {
      return new PasscodeState("", 0, 0, 0, 0, 0, 0);
    }
    return state;
  }

  /** Wrong tries are remembered as long as a code, a lockout or the send window can still matter. */
  private Instant keepUntil(PasscodeState state, Instant now) {
    long latest = Math.max(state.codeExpires(), state.lockedUntil());
    latest = Math.max(latest, now.plus(policy.lockout()).toEpochMilli());
    latest = Math.max(latest, state.windowStart() + policy.sendWindow().toMillis());
    return Instant.ofEpochMilli(latest);
  }

  /** What is stored per contact. Never holds the code, only its keyed hash. */
  record PasscodeState(String codeHash, long codeExpires, int failures, long lockedUntil, long lastSent,
      long windowStart, int sends) {
    static final PasscodeState EMPTY = new PasscodeState("", 0, 0, 0, 0, 0, 0);

    String encode() {
      return "1|" + codeHash + "|" + codeExpires + "|" + failures + "|" + lockedUntil + "|" + lastSent + "|"
          + windowStart + "|" + sends;
    }

    static PasscodeState decode(String value) {
      String[] p = value.split("\\|", -1);
      if (p.length != 8 || !"1".equals(p[0])) {
        throw new IllegalStateException("unreadable passcode state (format " + (p.length > 0 ? p[0] : "?") + ")");
      }
      return new PasscodeState(p[1], Long.parseLong(p[2]), Integer.parseInt(p[3]), Long.parseLong(p[4]),
          Long.parseLong(p[5]), Long.parseLong(p[6]), Integer.parseInt(p[7]));
    }

    PasscodeState withoutCode() {
      return new PasscodeState("", 0, failures, lockedUntil, lastSent, windowStart, sends);
    }

    @Override
    public String toString() {
      return "PasscodeState[failures=" + failures + ", lockedUntil=" + lockedUntil + ", sends=" + sends + "]";
    }
  }
}
