package io.civickit.notify.handoff;

import io.civickit.core.HandoffReason;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import io.civickit.core.handoff.OpeningHours;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a stuck journey to a council team's shared inbox by email: the context package (reference,
 * where they got stuck, why, their answers with sensitive ones redacted, how to contact them and
 * a "continue online" link) is sent through a {@link Notifier} (the durable outbox, or a
 * channel directly) using a template the council controls.
 *
 * <pre>{@code
 * Templates templates = Templates.builder()
 *     .email(TeamEmailHandoffChannel.DEFAULT_TEMPLATE_ID, TeamEmailHandoffChannel.DEFAULT_SUBJECT,
 *         TeamEmailHandoffChannel.DEFAULT_BODY)
 *     .build();
 * HandoffChannel teamEmail = TeamEmailHandoffChannel.builder(outbox, "waste-team@example.gov.uk")
 *     .hours(officeHours).responseTime(Duration.ofHours(16)).clock(clock).build();
 * }</pre>
 *
 * <p>The template gets these placeholders: {@code reference}, {@code service}, {@code step},
 * {@code reason}, {@code detail}, {@code answers} (a bulleted list), {@code contact},
 * {@code segment}, {@code resume_link}, {@code handoff_id}, {@code reply_by}. The team needs a
 * way to reach the person, so a request without contact details is refused as failed and the
 * router moves on to the next channel. The idempotency key is the handoff id: a retried
 * handoff is one email.
 *
 * <p>What the person typed (answers, contact details, the detail) is made inert before it goes
 * into the markdown: a link, a heading, an inset or a rule typed into an answer shows as the
 * characters typed, and no address in it becomes clickable in the team's inbox (contact details
 * are escaped the same way but keep their dots as typed, so the team can copy them to reply).
 */
public final class TeamEmailHandoffChannel implements HandoffChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TeamEmailHandoffChannel.class);

  /** The template id the channel uses unless told otherwise. */
  public static final String DEFAULT_TEMPLATE_ID = "handoff-team-email";
  /** A subject line for the default template. */
  public static final String DEFAULT_SUBJECT = "Help needed: ((service)) ((reference))";
  /** A body for the default template, in Notify's markdown. */
  public static final String DEFAULT_BODY = "# ((reference)) needs help\n\n"
      + "Service: ((service))\n"
      + "Stuck at: ((step))\n"
      + "Why: ((reason))\n"
      + "Detail: ((detail))\n"
      + "Segment: ((segment))\n\n"
      + "Contact them by: ((contact))\n"
      + "Reply by: ((reply_by))\n\n"
      + "# Answers so far\n\n((answers))\n\n"
      + "To let them finish online, send them this link: ((resume_link))\n\n"
      + "Handoff ((handoff_id))";

  private final Notifier notifier;
  private final String teamAddress;
  private final String name;
  private final String templateId;
  private final OpeningHours hours;
  private final Duration responseTime;
  private final Clock clock;
  private final Locale language;

  private TeamEmailHandoffChannel(Builder b) {
    this.notifier = b.notifier;
    this.teamAddress = b.teamAddress;
    this.name = b.name;
    this.templateId = b.templateId;
    this.hours = b.hours;
    this.responseTime = b.responseTime;
    this.clock = b.clock;
    this.language = b.language;
  }

  /** Starts configuring a channel that emails {@code teamAddress} through {@code notifier}. */
  public static Builder builder(Notifier notifier, String teamAddress) {
    return new Builder(notifier, teamAddress);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HandoffResult handOff(HandoffRequest request) {
    Optional<ContactPreference> contact = request.contact().filter(c -> c.detail().isPresent());
    if (contact.isEmpty()) {
      return new HandoffResult.Failed(name, "the person gave no contact details for the team to reply to");
    }
    Optional<Instant> replyBy = hours.addOpenTime(clock.instant(), responseTime);
    Map<String, Object> p = personalisation(request, contact.get(), replyBy);
    NotificationId id;
    try {
      id = notifier.send(new NotificationRequest(templateId, new Recipient.Email(teamAddress), p,
          "handoff-" + request.handoffId().value(), language));
    } catch (RuntimeException e) {
      LOG.warn("team email {} could not be sent for handoff {}: {}", name, request.handoffId(), e.getClass().getSimpleName());
      return new HandoffResult.Failed(name, "could not send the email: " + e.getClass().getSimpleName());
    }
    String how = contact.get().method() == ContactPreference.Method.EMAIL ? "email you"
        : contact.get().method() == ContactPreference.Method.POST ? "write to you" : "contact you";
    String when = replyBy.map(t -> " " + OpeningHours.describe(t, hours.zone()).replaceFirst("^at ", "by ")).orElse("");
    String message = "We have sent your request and your answers so far to our team. They will " + how + when
        + ". Your reference is " + request.reference().value() + ".";
    return new HandoffResult.Accepted(name, message, replyBy, Optional.of(id.value()), Optional.empty());
  }

  /** The template's personalisation for a request. */
  static Map<String, Object> personalisation(HandoffRequest r, ContactPreference contact, Optional<Instant> replyBy) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("reference", r.reference().value());
    p.put("service", r.definitionId());
    p.put("step", r.stuckStep());
    p.put("reason", describe(r.reason()));
    p.put("detail", r.detail().isBlank() ? "none" : inert(r.detail()));
    StringBuilder answers = new StringBuilder();
    r.answers().forEach((k, v) -> answers.append("* ").append(inert(k)).append(": ")
        .append(v.equals(HandoffRequest.REDACTED) ? v : inert(v)).append('\n'));
    if (r.answersOmitted() > 0) {
      answers.append("* (").append(r.answersOmitted()).append(" more answers left out to keep this email short)\n");
    }
    p.put("answers", answers.length() == 0 ? "none yet" : answers.toString().strip());
    p.put("contact", contact.method().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
        + escapeMarkdown(contact.detail().orElse("")));
    p.put("segment", r.segment().orElse("none"));
    p.put("resume_link", r.resumeLink().map(Object::toString).orElse("not available"));
    p.put("handoff_id", r.handoffId().value());
    p.put("reply_by", replyBy.map(Instant::toString).orElse("as soon as possible"));
    return p;
  }

  /**
   * Text a person typed, made inert in Notify's markdown: on one line (so it cannot start a
   * heading, an inset, a list or a rule), with the characters of links, images and code
   * backslash-escaped (Notify's markdown shows them as typed), and with a zero width space after
   * {@code :} in {@code ://} and after a dot between letters or digits, so neither the markdown
   * nor an email client turns a typed address into a link (Notify stops "GOV.UK" becoming a link
   * the same way), and after a trailing dash (which Notify would otherwise join to the next line).
 * The team reads exactly what was typed; nothing in it is clickable.
   */
  static String inert(String typed) {
    return escape(typed, true);
  }

  /** As {@link #inert} without the zero width spaces: for contact details the team copies to reply. */
  static String escapeMarkdown(String typed) {
    return escape(typed, false);
  }

  private static String escape(String typed, boolean unlink) {
    StringBuilder out = new StringBuilder(typed.length() + 16);
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      switch (c) {
        case '\r' -> out.append(typed.startsWith("\n", i + 1) ? "" : " ");
        case '\n', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '(', ')', '!', '#', '~' -> out.append('\\').append(c);
        case ':' -> {
          out.append(c);
          if (unlink && typed.startsWith("//", i + 1)) {
            out.append('\u200B');
          }
        }
        case '.' -> {
          out.append(c);
          if (unlink && i > 0 && i + 1 < typed.length() && Character.isLetterOrDigit(typed.charAt(i - 1))
              && Character.isLetterOrDigit(typed.charAt(i + 1))) {
            out.append('\u200B');
          }
        }
        default -> out.append(c);
      }
    }
    char last = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
    if (last == '-' || last == '\u2013' || last == '\u2014') {
      // Notify turns a dash between white space into an en dash and takes the line break with it,
      // joining the next answer onto this one: a zero width space keeps the line.
      out.append('\u200B');
    }
    return out.toString();
  }

  private static String describe(HandoffReason reason) {
    switch (reason) {
      case ASKED_FOR_HELP:
        return "they asked for help";
      case REPEATED_VALIDATION_FAILURES:
        return "they could not get past a page";
      case IDENTITY_CHECK_FAILED:
        return "an identity check failed";
      case CASE_NOT_HANDLED:
        return "the online service cannot handle their case";
      default:
        return "a technical fault";
    }
  }

  @Override
  public String toString() {
    return "TeamEmailHandoffChannel[" + name + "]";
  }

  /** Configures a {@link TeamEmailHandoffChannel}. */
  public static final class Builder {
    private final Notifier notifier;
    private final String teamAddress;
    private String name = "team-email";
    private String templateId = DEFAULT_TEMPLATE_ID;
    private OpeningHours hours = OpeningHours.always();
    private Duration responseTime = Duration.ofDays(2);
    private Clock clock = Clock.systemUTC();
    private Locale language = Locale.UK;

    private Builder(Notifier notifier, String teamAddress) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(teamAddress, "teamAddress");
      if (!teamAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new IllegalArgumentException("the team address must be an email address");
      }
      this.teamAddress = teamAddress;
    }

    /** The channel's name in routes and events (default {@code team-email}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The email template to use (default {@value TeamEmailHandoffChannel#DEFAULT_TEMPLATE_ID}). */
    public Builder templateId(String templateId) {
      this.templateId = Objects.requireNonNull(templateId, "templateId");
      return this;
    }

    /** The team's working hours, for the reply-by time (default: always). */
    public Builder hours(OpeningHours hours) {
      this.hours = Objects.requireNonNull(hours, "hours");
      return this;
    }

    /** How much working time the team takes to reply (default 2 days of open time). */
    public Builder responseTime(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("responseTime must be positive, but was " + d);
      }
      this.responseTime = d;
      return this;
    }

    /** The clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The template language (default English). */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /** Builds the channel. */
    public TeamEmailHandoffChannel build() {
      return new TeamEmailHandoffChannel(this);
    }
  }
}
