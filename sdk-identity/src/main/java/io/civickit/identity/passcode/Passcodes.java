package io.civickit.identity.passcode;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.internal.PasscodeService;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One-time passcodes sent by email or text message through a council's own templates.
 *
 * <pre>{@code
 * Passcodes passcodes = Passcodes.builder()
 *     .notifier(notifier)                       // sdk-notify: GOV.UK Notify, SMTP, the outbox...
 *     .emailTemplate("a1b2c3...")               // a template with ((code)) and ((minutes))
 *     .smsTemplate("d4e5f6...")
 *     .serverKey(keyBytes)                      // 32+ random bytes from the council's secret store
 *     .store(IdentityStore.jdbc(dataSource))    // limits shared by every instance
 *     .build();
 *
 * passcodes.send(new Recipient.Email("jane@example.org"), Locale.ENGLISH);
 * CheckResult result = passcodes.verify(new Recipient.Email("jane@example.org"), typed);
 * }</pre>
 *
 * <p>Codes are drawn uniformly from {@link SecureRandom}, stored only as an HMAC-SHA256 under the
 * server key, compared in constant time, used once, and never logged. Limits follow
 * {@link PasscodePolicy}.
 */
public interface Passcodes {

  /**
   * Sends a new code to the contact, replacing any earlier one, unless the contact is throttled
   * or locked out. Personalisation: {@code code} and {@code minutes} (how long it works).
   *
   * @param contact an {@link Recipient.Email} or {@link Recipient.Sms}
   * @param language the template language ({@code en} or {@code cy})
   * @throws IllegalArgumentException for a postal address
   */
  PasscodeSendResult send(Recipient contact, Locale language);

  /**
   * Checks a typed code. Spaces and hyphens are ignored. A right code works once; a wrong one
   * counts against the contact, whichever code it was meant for.
   */
  CheckResult verify(Recipient contact, String typed);

  /** The limits in force. */
  PasscodePolicy policy();

  /** A builder with {@link PasscodePolicy#defaults()}, the system clock and an in-memory store. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Passcodes}; each setter validates at once. */
  final class Builder {
    private Notifier notifier;
    private String emailTemplate;
    private String smsTemplate;
    private byte[] serverKey;
    private IdentityStore store = IdentityStore.inMemory();
    private PasscodePolicy policy = PasscodePolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private AssuranceLevel levelOnSuccess = AssuranceLevel.NONE;

    private Builder() {}

    /** Where codes are sent through. Required. */
    public Builder notifier(Notifier value) {
      this.notifier = Objects.requireNonNull(value, "notifier");
      return this;
    }

    /** The email template's id; it should use {@code ((code))} and may use {@code ((minutes))}. */
    public Builder emailTemplate(String templateId) {
      this.emailTemplate = requireText(templateId, "email template id");
      return this;
    }

    /** The text message template's id; it should use {@code ((code))} and may use {@code ((minutes))}. */
    public Builder smsTemplate(String templateId) {
      this.smsTemplate = requireText(templateId, "SMS template id");
      return this;
    }

    /** The server key codes and contacts are hashed under: at least 32 random bytes, kept secret. Required. */
    public Builder serverKey(byte[] key) {
      Objects.requireNonNull(key, "serverKey");
      if (key.length < 32) {
        throw new IllegalArgumentException("the server key must be at least 32 bytes, but was " + key.length);
      }
      this.serverKey = Arrays.copyOf(key, key.length);
      return this;
    }

    /** Where codes and counts are kept; {@link IdentityStore#jdbc} when several instances run. */
    public Builder store(IdentityStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The limits. */
    public Builder policy(PasscodePolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The clock expiry and lockouts are measured by. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The random source codes are drawn from (default: a new {@link SecureRandom}). */
    public Builder random(SecureRandom value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * The assurance level a right code gives. {@link AssuranceLevel#NONE} by default: a code
     * proves control of an email address or phone, not who someone is. A council sending to a
     * contact taken from its own records may decide it is worth {@link AssuranceLevel#LOW}.
     */
    public Builder levelOnSuccess(AssuranceLevel value) {
      this.levelOnSuccess = Objects.requireNonNull(value, "levelOnSuccess");
      return this;
    }

    /**
     * Builds the service.
     *
     * @throws IllegalStateException if the notifier, the server key or both templates are missing
     */
    public Passcodes build() {
      if (notifier == null) {
        throw new IllegalStateException("a notifier is required: codes are sent through it");
      }
      if (serverKey == null) {
        throw new IllegalStateException("a server key is required: codes are stored only as keyed hashes");
      }
      if (emailTemplate == null && smsTemplate == null) {
        throw new IllegalStateException("an email template, an SMS template or both are required");
      }
      return new PasscodeService(notifier, emailTemplate, smsTemplate, serverKey, store, policy, clock,
          random == null ? new SecureRandom() : random, levelOnSuccess);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException("the " + name + " must not be blank");
      }
      return value;
    }
  }
}
