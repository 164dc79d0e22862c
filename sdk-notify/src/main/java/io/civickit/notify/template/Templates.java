package io.civickit.notify.template;

import io.civickit.notify.MessageRenderer;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.internal.template.TemplateRendering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A registry of templates, each held in English and (optionally) Welsh as one template, that
 * renders a {@link NotificationRequest} in the request's language.
 *
 * <pre>{@code
 * Templates templates = Templates.builder()
 *     .smsPolicy(SmsCharacterPolicy.GSM_AND_WELSH)
 *     .email("receipt", "Payment received", "Dear ((name)),\n\nWe have your payment.")
 *     .welsh("Taliad wedi dod i law", "Annwyl ((name)),\n\nMae eich taliad gennym.")
 *     .sms("reminder", "Your bin is collected tomorrow.")
 *     .build();
 * RenderedMessage message = templates.render(request);
 * }</pre>
 *
 * <p>A request whose language is Welsh ({@code cy}) gets the Welsh version when the template
 * has one, and the English version otherwise; every other language gets English. Instances are
 * immutable and thread-safe.
 */
public final class Templates implements MessageRenderer {

  /** The Welsh locale, {@code cy}. */
  public static final Locale WELSH = Locale.forLanguageTag("cy");

  private final Map<String, Versions> templates;
  private final SmsCharacterPolicy smsPolicy;
  private final List<SmsCostWarning> warnings;

  private Templates(Builder builder) {
    Map<String, Versions> copy = new LinkedHashMap<>();
    builder.templates.forEach((id, v) -> {
      Versions versions = new Versions(v.english());
      versions.welsh = v.welsh();
      versions.compile();
      copy.put(id, versions);
    });
    this.templates = Collections.unmodifiableMap(copy);
    this.smsPolicy = builder.smsPolicy == null ? SmsCharacterPolicy.GSM_AND_WELSH : builder.smsPolicy;
    List<SmsCostWarning> found = new ArrayList<>();
    templates.forEach((id, versions) -> {
      warn(id, Locale.ENGLISH, versions.english(), found);
      if (versions.welsh() != null) {
        warn(id, WELSH, versions.welsh(), found);
      }
    });
    this.warnings = List.copyOf(found);
  }

  private void warn(String id, Locale language, Template template, List<SmsCostWarning> found) {
    if (template instanceof Template.Sms) {
      Set<String> costly = ((Template.Sms) template).costlyCharacters(smsPolicy);
      if (!costly.isEmpty()) {
        found.add(new SmsCostWarning(id, language, costly));
      }
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders the request with its template in its language.
   *
   * @throws UnknownTemplateException if no template has the id, or it is for another channel
   * @throws MissingPersonalisationException if any placeholder has no value (all are named)
   * @throws SmsTooLongException if a text message is over {@value SmsInfo#MAX_CHARACTERS}
   *     characters
   */
  @Override
  public RenderedMessage render(NotificationRequest request) {
    Versions versions = templates.get(request.templateId());
    if (versions == null) {
      throw new UnknownTemplateException(request.templateId(),
          "no template has the id '" + request.templateId() + "'");
    }
    boolean welsh = isWelsh(request.language()) && versions.welsh() != null;
    Template template = welsh ? versions.welsh() : versions.english();
    // The same rendering as the template's own render method, from the texts compiled at build.
    TemplateRendering.Compiled compiled = welsh ? versions.welshCompiled : versions.englishCompiled;
    Recipient recipient = request.recipient();
    Map<String, Object> personalisation = request.personalisation();
    if (recipient instanceof Recipient.Email && template instanceof Template.Email) {
      return TemplateRendering.email(compiled, personalisation);
    }
    if (recipient instanceof Recipient.Sms && template instanceof Template.Sms) {
      return new RenderedMessage.Sms(TemplateRendering.sms(compiled, personalisation, smsPolicy).text());
    }
    if (recipient instanceof Recipient.Letter && template instanceof Template.Letter) {
      return TemplateRendering.letter(((Recipient.Letter) recipient).addressLines(), compiled, personalisation);
    }
    throw new UnknownTemplateException(request.templateId(), "template '" + request.templateId()
        + "' is " + kind(template) + " template, but the recipient needs " + kind(recipient));
  }

  /**
   * The version of a template used for a language: Welsh for {@code cy} when there is one,
   * otherwise English.
   */
  public Optional<Template> find(String templateId, Locale language) {
    Versions versions = templates.get(templateId);
    if (versions == null) {
      return Optional.empty();
    }
    if (isWelsh(language) && versions.welsh() != null) {
      return Optional.of(versions.welsh());
    }
    return Optional.of(versions.english());
  }

  /** True if the template has a Welsh version. */
  public boolean hasWelsh(String templateId) {
    Versions versions = templates.get(templateId);
    return versions != null && versions.welsh() != null;
  }

  /** The registered template ids, in the order they were added. */
  public Set<String> ids() {
    return templates.keySet();
  }

  /** The SMS character policy in force (default {@link SmsCharacterPolicy#GSM_AND_WELSH}). */
  public SmsCharacterPolicy smsPolicy() {
    return smsPolicy;
  }

  /**
   * Authoring-time warnings: text message templates with characters that force UCS-2 under
   * the policy, which can double what each message costs. Check them in a build or at start-up.
   */
  public List<SmsCostWarning> warnings() {
    return warnings;
  }

  private static boolean isWelsh(Locale language) {
    return "cy".equals(language.getLanguage());
  }

  private static String kind(Template template) {
    if (template instanceof Template.Email) {
      return "an email";
    }
    return template instanceof Template.Sms ? "a text message" : "a letter";
  }

  private static String kind(Recipient recipient) {
    if (recipient instanceof Recipient.Email) {
      return "an email template";
    }
    return recipient instanceof Recipient.Sms ? "a text message template" : "a letter template";
  }

  private static final class Versions {
    private final Template english;
    private @Nullable Template welsh;
    private TemplateRendering.@Nullable Compiled englishCompiled;
    private TemplateRendering.@Nullable Compiled welshCompiled;

    Versions(Template english) {
      this.english = english;
    }

    /** Compiles both versions, once the registry is built. */
    void compile() {
      englishCompiled = compile(english);
      welshCompiled = welsh == null ? null : compile(welsh);
    }

    private static TemplateRendering.Compiled compile(Template template) {
      if (template instanceof Template.Sms) {
        return TemplateRendering.compile(template.body());
      }
      String subject = template instanceof Template.Email
          ? ((Template.Email) template).subject()
          : ((Template.Letter) template).subject();
      return TemplateRendering.compile(subject, template.body());
    }

    Template english() {
      return english;
    }

    @Nullable Template welsh() {
      return welsh;
    }
  }

  /**
   * Builds {@link Templates}. Each {@code email}, {@code sms} or {@code letter} call adds a
   * template in English; a following {@code welsh(...)} call adds its Welsh version. Mistakes
   * (a repeated id, a Welsh version of the wrong kind) are refused at once.
   */
  public static final class Builder {
    private final Map<String, Versions> templates = new LinkedHashMap<>();
    private @Nullable SmsCharacterPolicy smsPolicy;
    private @Nullable String last;

    private Builder() {}

    /** Sets the SMS character policy (default {@link SmsCharacterPolicy#GSM_AND_WELSH}). */
    public Builder smsPolicy(SmsCharacterPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (smsPolicy != null) {
        throw new IllegalStateException("the SMS policy was already set to " + smsPolicy);
      }
      smsPolicy = policy;
      return this;
    }

    /** Adds an email template in English. */
    public Builder email(String id, String subject, String body) {
      return add(id, Template.email(subject, body));
    }

    /** Adds a text message template in English. */
    public Builder sms(String id, String body) {
      return add(id, Template.sms(body));
    }

    /** Adds a letter template in English. */
    public Builder letter(String id, String subject, String body) {
      return add(id, Template.letter(subject, body));
    }

    /** Adds the Welsh version of the email or letter template added last. */
    public Builder welsh(String subject, String body) {
      Template english = lastAdded().english();
      if (english instanceof Template.Email) {
        return welsh(Template.email(subject, body));
      }
      if (english instanceof Template.Letter) {
        return welsh(Template.letter(subject, body));
      }
      throw new IllegalStateException("template '" + last
          + "' is a text message: its Welsh version has no subject, use welsh(body)");
    }

    /** Adds the Welsh version of the text message template added last. */
    public Builder welsh(String body) {
      return welsh(Template.sms(body));
    }

    /** Adds a template in English. */
    public Builder add(String id, Template english) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(english, "english");
      if (id.isBlank()) {
        throw new IllegalArgumentException("a template id must not be blank");
      }
      if (templates.containsKey(id)) {
        throw new IllegalStateException("a template with the id '" + id + "' was already added");
      }
      templates.put(id, new Versions(english));
      last = id;
      return this;
    }

    /** Adds the Welsh version of the template added last; it must be of the same kind. */
    public Builder welsh(Template welsh) {
      Objects.requireNonNull(welsh, "welsh");
      Versions versions = lastAdded();
      if (versions.english().getClass() != welsh.getClass()) {
        throw new IllegalArgumentException("the Welsh version of '" + last + "' must be "
            + kind(versions.english()) + " template, but was " + kind(welsh));
      }
      if (versions.welsh != null) {
        throw new IllegalStateException("template '" + last + "' already has a Welsh version");
      }
      versions.welsh = welsh;
      return this;
    }

    private Versions lastAdded() {
      if (last == null) {
        throw new IllegalStateException("add a template before its Welsh version");
      }
      return templates.get(last);
    }

    /** Builds the registry and computes its {@link Templates#warnings()}. */
    public Templates build() {
      return new Templates(this);
    }
  }
}
