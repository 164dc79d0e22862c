package io.civickit.identity.step;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.FailureReason;
import io.civickit.identity.matching.Claim;
import io.civickit.identity.matching.RecordMatcher;
import io.civickit.identity.onelogin.OneLogin;
import io.civickit.identity.onelogin.PendingLogin;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.Recipient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Any identity check as a journey {@link Step}.
 *
 * <p>On {@link CheckResult.Verified} the step saves one answer under its answer key: a group
 * with {@code method}, {@code level}, {@code at} and the evidence's facts (never a code or a
 * personal detail), and reports the level reached, which the journey records. A result below
 * the step's required level, or a {@link CheckResult.LockedOut}, hands the journey to a person
 * ({@link HandoffReason#IDENTITY_CHECK_FAILED}) rather than leaving someone stuck. Other
 * failures show the page again with one generic message, in English or Welsh.
 *
 * <pre>{@code
 * Step step = IdentityCheckStep.passcode("check-email-code", "email-check", passcodes, "email", true)
 *     .requiring(AssuranceLevel.NONE);
 * }</pre>
 */
public final class IdentityCheckStep implements Step {

  /** A check over one page submission. */
  @FunctionalInterface
  public interface Check {
    /** Runs the check on the submission. Must not throw for anything a browser can send. */
    CheckResult run(StepSubmission submission);
  }

  private final String id;
  private final String answerKey;
  private final String errorField;
  private final Check check;
  private final AssuranceLevel required;
  private final Messages messages;

  private IdentityCheckStep(String id, String answerKey, String errorField, Check check, AssuranceLevel required,
      Messages messages) {
    this.id = requireText(id, "id");
    this.answerKey = requireText(answerKey, "answerKey");
    this.errorField = requireText(errorField, "errorField");
    this.check = Objects.requireNonNull(check, "check");
    this.required = Objects.requireNonNull(required, "required");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /**
   * A step running any check.
   *
   * @param id the step id
   * @param answerKey where the evidence is saved
   * @param errorField the input an error message belongs to
   * @param check the check
   */
  public static IdentityCheckStep of(String id, String answerKey, String errorField, Check check) {
    return new IdentityCheckStep(id, answerKey, errorField, check, AssuranceLevel.NONE, Messages.DEFAULT);
  }

  /**
   * A passcode step: the input {@code code} is checked against the code sent to the contact held
   * in the journey's answer {@code contactAnswerKey} (a text answer: an email address, or a
   * mobile number when {@code email} is false). Send the code with {@link Passcodes#send} when
   * the page is shown.
   */
  public static IdentityCheckStep passcode(String id, String answerKey, Passcodes passcodes, String contactAnswerKey,
      boolean email) {
    Objects.requireNonNull(passcodes, "passcodes");
    requireText(contactAnswerKey, "contactAnswerKey");
    return of(id, answerKey, "code", submission -> {
      Optional<String> contact = text(submission.journey(), contactAnswerKey);
      if (contact.isEmpty()) {
        return new CheckResult.Failed(FailureReason.NO_ACTIVE_CODE, false, 0);
      }
      Recipient to = email ? new Recipient.Email(contact.get()) : new Recipient.Sms(contact.get());
      return passcodes.verify(to, submission.first("code").orElse(""));
    });
  }

  /** A record-matching step over the inputs {@code reference}, {@code name}, {@code date-of-birth} and {@code postcode}. */
  public static IdentityCheckStep recordMatch(String id, String answerKey, RecordMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher");
    return of(id, answerKey, "reference", submission -> {
      Claim.Builder claim = Claim.builder();
      submission.first("reference").filter(s -> !s.isBlank()).ifPresent(claim::reference);
      submission.first("name").filter(s -> !s.isBlank()).ifPresent(claim::name);
      submission.first("date-of-birth").filter(s -> !s.isBlank()).ifPresent(claim::dateOfBirth);
      submission.first("postcode").filter(s -> !s.isBlank()).ifPresent(claim::postcode);
      return matcher.check(claim.build());
    }).withMessages(Messages.RECORD);
  }

  /**
   * A TOTP step for staff: the input {@code code} is checked for the adviser submitting it, whose
   * secret {@code secrets} finds by staff id. A submission by anyone but an adviser fails.
   */
  public static IdentityCheckStep totp(String id, String answerKey, Totp totp, Function<String, Optional<byte[]>> secrets) {
    Objects.requireNonNull(totp, "totp");
    Objects.requireNonNull(secrets, "secrets");
    return of(id, answerKey, "code", submission -> {
      Optional<String> staffId = submission.actor().id();
      Optional<byte[]> secret = staffId.flatMap(secrets);
      if (staffId.isEmpty() || secret.isEmpty()) {
        return new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 0);
      }
      return totp.verify(staffId.get(), secret.get(), submission.first("code").orElse(""));
    });
  }

  /**
   * The One Login callback as a step: the callback's query parameters ({@code code}, {@code state},
   * {@code error}) are the submission's input, and {@code pending} finds the sign-in this journey
   * started (kept server-side by the host app). Without one, the submission fails.
   */
  public static IdentityCheckStep oneLogin(String id, String answerKey, OneLogin oneLogin,
      Function<Journey, Optional<PendingLogin>> pending) {
    Objects.requireNonNull(oneLogin, "oneLogin");
    Objects.requireNonNull(pending, "pending");
    return of(id, answerKey, "sign-in", submission -> {
      Optional<PendingLogin> started = pending.apply(submission.journey());
      if (started.isEmpty()) {
        return new CheckResult.Failed(FailureReason.NO_ACTIVE_CODE, false, 0);
      }
      Map<String, String> callback = new LinkedHashMap<>();
      for (String name : new String[] {"code", "state", "error", "error_description"}) {
        submission.first(name).ifPresent(v -> callback.put(name, v));
      }
      return oneLogin.complete(started.get(), callback).toCheckResult();
    }).withMessages(Messages.ONE_LOGIN);
  }

  /** A copy that hands the journey off unless the check reaches at least {@code level}. */
  public IdentityCheckStep requiring(AssuranceLevel level) {
    return new IdentityCheckStep(id, answerKey, errorField, check, level, messages);
  }

  /** A copy with other error messages. */
  public IdentityCheckStep withMessages(Messages value) {
    return new IdentityCheckStep(id, answerKey, errorField, check, required, value);
  }

  /** The level this step requires. */
  public AssuranceLevel requiredLevel() {
    return required;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<String> answerKeys() {
    return Set.of(answerKey);
  }

  @Override
  public StepResult submit(StepSubmission submission) {
    CheckResult result;
    try {
      result = check.run(submission);
    } catch (IllegalArgumentException e) {
      result = new CheckResult.Failed(FailureReason.MALFORMED, true, 0);
    }
    boolean welsh = "cy".equals(submission.locale().getLanguage());
    if (result instanceof CheckResult.Verified) {
      CheckResult.Verified v = (CheckResult.Verified) result;
      if (!v.level().isAtLeast(required)) {
        return new StepResult.NeedsHandoff(HandoffReason.IDENTITY_CHECK_FAILED,
            "the check reached " + v.level().journeyValue() + " but the step needs " + required.journeyValue());
      }
      Map<String, Value> fields = new LinkedHashMap<>();
      fields.put("method", Value.text(v.evidence().method()));
      fields.put("level", Value.text(v.level().journeyValue()));
      fields.put("at", Value.text(v.evidence().at().toString()));
      v.evidence().facts().forEach((k, val) -> fields.put(k, Value.text(val)));
      Answer answer = new Answer(Value.fields(fields), Optional.empty(), submission.actor(), false);
      return new StepResult.Accepted(Map.of(answerKey, answer), Set.of(), Optional.of(v.level().journeyValue()));
    }
    if (result instanceof CheckResult.LockedOut) {
      return new StepResult.NeedsHandoff(HandoffReason.IDENTITY_CHECK_FAILED,
          "locked out until " + ((CheckResult.LockedOut) result).until());
    }
    CheckResult.Failed f = (CheckResult.Failed) result;
    return new StepResult.Rejected(java.util.List.of(new FieldError(errorField, messages.message(f.reason(), welsh))));
  }

  /** Satisfied when its evidence is saved and the journey's level is at least the one required. */
  @Override
  public boolean isSatisfiedBy(Journey journey) {
    return journey.answers().containsKey(answerKey)
        && AssuranceLevel.parse(journey.assuranceLevel()).map(l -> l.isAtLeast(required)).orElse(false);
  }

  private static Optional<String> text(Journey journey, String key) {
    return journey.answer(key).map(Answer::value)
        .filter(v -> v instanceof Value.Text).map(v -> ((Value.Text) v).value());
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Error messages by failure reason, in English and Welsh. None says which detail was wrong.
   *
   * @param wrong a wrong code or details
   * @param expired no code is waiting or it has expired
   * @param malformed nothing usable was typed
   * @param wrongCy {@code wrong} in Welsh
   * @param expiredCy {@code expired} in Welsh
   * @param malformedCy {@code malformed} in Welsh
   */
  public record Messages(String wrong, String expired, String malformed, String wrongCy, String expiredCy,
      String malformedCy) {
    /** For codes. */
    public static final Messages DEFAULT = new Messages(
        "The code is not correct",
        "The code has expired. Request a new code",
        "Enter the code we sent you",
        "Nid yw’r cod yn gywir",
        "Mae’r cod wedi dod i ben. Gofynnwch am god newydd",
        "Rhowch y cod a anfonwyd atoch");
    /** For record matching: one message whatever differed. */
    public static final Messages RECORD = new Messages(
        "We could not find a record that matches these details. Check them and try again",
        "We could not find a record that matches these details. Check them and try again",
        "Enter your details as they appear on your bill or letter",
        "Nid oeddem yn gallu dod o hyd i gofnod sy’n cyfateb i’r manylion hyn. Gwiriwch nhw a rhowch gynnig arall arni",
        "Nid oeddem yn gallu dod o hyd i gofnod sy’n cyfateb i’r manylion hyn. Gwiriwch nhw a rhowch gynnig arall arni",
        "Rhowch eich manylion fel y maent yn ymddangos ar eich bil neu lythyr");

    /** For One Login: the sign-in did not complete. */
    public static final Messages ONE_LOGIN = new Messages(
        "We could not sign you in with GOV.UK One Login. Try again",
        "Your sign-in has timed out. Try again",
        "We could not sign you in with GOV.UK One Login. Try again",
        "Nid oeddem yn gallu eich mewngofnodi gyda GOV.UK One Login. Rhowch gynnig arall arni",
        "Mae eich mewngofnodi wedi dod i ben. Rhowch gynnig arall arni",
        "Nid oeddem yn gallu eich mewngofnodi gyda GOV.UK One Login. Rhowch gynnig arall arni");

    /**
     * Checks that every message is present.
     *
     * @throws NullPointerException if any message is null
     */
    public Messages {
      Objects.requireNonNull(wrong, "wrong");
      Objects.requireNonNull(expired, "expired");
      Objects.requireNonNull(malformed, "malformed");
      Objects.requireNonNull(wrongCy, "wrongCy");
      Objects.requireNonNull(expiredCy, "expiredCy");
      Objects.requireNonNull(malformedCy, "malformedCy");
    }

    String message(FailureReason reason, boolean welsh) {
      switch (reason) {
        case EXPIRED:
        case NO_ACTIVE_CODE:
          return welsh ? expiredCy : expired;
        case MALFORMED:
          return welsh ? malformedCy : malformed;
        default:
          return welsh ? wrongCy : wrong;
      }
    }
  }
}
