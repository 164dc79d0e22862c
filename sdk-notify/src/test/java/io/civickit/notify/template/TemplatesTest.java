package io.civickit.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry: one template in English and Welsh, rendered in the request's language. */
class TemplatesTest {

  private static final Recipient EMAIL = new Recipient.Email("ann@example.com");
  private static final Recipient SMS = new Recipient.Sms("07700900123");
  private static final Recipient LETTER = new Recipient.Letter(List.of("Ann Jones", "1 High St", "NP20 1AA"));

  private final Templates templates = Templates.builder()
      .email("receipt", "Payment received", "Dear ((name)),\n\nThank you.")
      .welsh("Taliad wedi dod i law", "Annwyl ((name)),\n\nDiolch.")
      .sms("reminder", "Bin day is tomorrow, ((name)).")
      .welsh("Diwrnod biniau yfory, ((name)).")
      .letter("bill", "Council tax", "You owe ((amount)).")
      .sms("english-only", "Hello ((name))")
      .build();

  private static NotificationRequest request(String template, Recipient to, Locale language) {
    return new NotificationRequest(template, to, Map.of("name", "Ann", "amount", "£5"), "key-1", language);
  }

  @Test
  void rendersTheEnglishVersionForEnglish() {
    RenderedMessage message = templates.render(request("receipt", EMAIL, Locale.ENGLISH));

    assertThat(message).isEqualTo(new RenderedMessage.Email("Payment received",
        "Dear Ann,\n\nThank you.\n", "<p>Dear Ann,</p><p>Thank you.</p>"));
  }

  @Test
  void rendersTheWelshVersionForWelsh() {
    assertThat(templates.render(request("receipt", EMAIL, Templates.WELSH))).isEqualTo(new RenderedMessage.Email(
        "Taliad wedi dod i law", "Annwyl Ann,\n\nDiolch.\n", "<p>Annwyl Ann,</p><p>Diolch.</p>"));
    assertThat(templates.render(request("reminder", SMS, Locale.forLanguageTag("cy-GB"))))
        .isEqualTo(new RenderedMessage.Sms("Diwrnod biniau yfory, Ann."));
  }

  @Test
  void fallsBackToEnglishWhenThereIsNoWelshVersion() {
    assertThat(templates.render(request("english-only", SMS, Templates.WELSH)))
        .isEqualTo(new RenderedMessage.Sms("Hello Ann"));
    assertThat(templates.hasWelsh("english-only")).isFalse();
    assertThat(templates.hasWelsh("receipt")).isTrue();
  }

  @Test
  void otherLanguagesGetEnglish() {
    assertThat(templates.render(request("reminder", SMS, Locale.FRENCH)))
        .isEqualTo(new RenderedMessage.Sms("Bin day is tomorrow, Ann."));
  }

  @Test
  void rendersALetterToTheRecipientsAddress() {
    assertThat(templates.render(request("bill", LETTER, Locale.ENGLISH))).isEqualTo(new RenderedMessage.Letter(
        List.of("Ann Jones", "1 High St", "NP20 1AA"), "Council tax", "You owe £5.\n"));
  }

  @Test
  void anUnknownTemplateIsRefused() {
    assertThatThrownBy(() -> templates.render(request("nope", EMAIL, Locale.ENGLISH)))
        .isInstanceOfSatisfying(UnknownTemplateException.class, e -> {
          assertThat(e.templateId()).isEqualTo("nope");
          assertThat(e).hasMessage("no template has the id 'nope'");
        });
  }

  @Test
  void aTemplateForAnotherChannelIsRefused() {
    assertThatThrownBy(() -> templates.render(request("reminder", EMAIL, Locale.ENGLISH)))
        .isInstanceOf(UnknownTemplateException.class)
        .hasMessage("template 'reminder' is a text message template, but the recipient needs an email template");
  }

  @Test
  void missingPersonalisationInARequestIsNamed() {
    var request = new NotificationRequest("bill", LETTER, Map.of("name", "Ann"), "k", Locale.ENGLISH);

    assertThatThrownBy(() -> templates.render(request))
        .isInstanceOf(MissingPersonalisationException.class)
        .hasMessage("Missing personalisation: amount");
  }

  @Test
  void theSmsPolicyIsASettingThatDefaultsToTheCurrentRules() {
    Templates current = Templates.builder().sms("t", "Cześć").build();
    Templates keepAll = Templates.builder().smsPolicy(SmsCharacterPolicy.ALL_CHARACTERS).sms("t", "Cześć").build();
    var request = request("t", SMS, Locale.ENGLISH);

    assertThat(current.smsPolicy()).isEqualTo(SmsCharacterPolicy.GSM_AND_WELSH);
    assertThat(current.render(request)).isEqualTo(new RenderedMessage.Sms("Czesc"));
    assertThat(keepAll.render(request)).isEqualTo(new RenderedMessage.Sms("Cześć"));
  }

  @Test
  void buildReportsTemplatesWhoseCharactersDoubleTheSmsCost() {
    Templates built = Templates.builder()
        .sms("cheap", "Hello ((name))").welsh("Helo ((name))")
        .sms("dear", "Croeso ŵ").welsh("Croeso ŷ")
        .email("email", "Ŵ", "Ŵ")
        .build();

    assertThat(built.warnings()).containsExactly(
        new SmsCostWarning("dear", Locale.ENGLISH, java.util.Set.of("ŵ")),
        new SmsCostWarning("dear", Templates.WELSH, java.util.Set.of("ŷ")));
    assertThat(built.warnings().get(0).message()).isEqualTo("Template 'dear' (en) contains ŵ, which cannot be "
        + "sent in GSM: every text message will be sent as UCS-2, 70 characters a part instead of 160, "
        + "so it may cost twice as much or more");
  }

  @Test
  void theBuilderRefusesMistakesAtOnce() {
    assertThatThrownBy(() -> Templates.builder().welsh("x"))
        .isInstanceOf(IllegalStateException.class).hasMessage("add a template before its Welsh version");
    assertThatThrownBy(() -> Templates.builder().sms("a", "x").sms("a", "y"))
        .isInstanceOf(IllegalStateException.class).hasMessage("a template with the id 'a' was already added");
    assertThatThrownBy(() -> Templates.builder().sms("a", "x").welsh("s", "b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("use welsh(body)");
    assertThatThrownBy(() -> Templates.builder().email("a", "s", "b").welsh("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Welsh version of 'a' must be an email template, but was a text message");
    assertThatThrownBy(() -> Templates.builder().sms("a", "x").welsh("y").welsh("z"))
        .isInstanceOf(IllegalStateException.class).hasMessage("template 'a' already has a Welsh version");
    assertThatThrownBy(() -> Templates.builder().smsPolicy(SmsCharacterPolicy.ALL_CHARACTERS)
        .smsPolicy(SmsCharacterPolicy.GSM_AND_WELSH)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Template.email(" ", "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a template subject must not be blank");
  }

  @Test
  void findReturnsTheVersionForALanguage() {
    assertThat(templates.find("receipt", Templates.WELSH)).contains(
        Template.email("Taliad wedi dod i law", "Annwyl ((name)),\n\nDiolch."));
    assertThat(templates.find("missing", Locale.ENGLISH)).isEmpty();
    assertThat(templates.ids()).containsExactly("receipt", "reminder", "bill", "english-only");
  }
}
