package io.civickit.notify.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import io.civickit.core.handoff.OpeningHours;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.template.Templates;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TeamEmailHandoffChannelTest {
  // Friday 27 November 2026, 4pm
  final Clock clock = Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), ZoneOffset.UTC);
  final List<NotificationRequest> sent = new ArrayList<>();
  final Templates templates = Templates.builder()
      .email(TeamEmailHandoffChannel.DEFAULT_TEMPLATE_ID, TeamEmailHandoffChannel.DEFAULT_SUBJECT,
          TeamEmailHandoffChannel.DEFAULT_BODY)
      .build();
  /** A notifier that renders with the council's templates, as the outbox would, and keeps what it sent. */
  final Notifier notifier = request -> {
    templates.render(request);
    sent.add(request);
    return new NotificationId("n-" + sent.size());
  };
  final OpeningHours office = OpeningHours.builder(ZoneId.of("Europe/London"))
      .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();

  static HandoffRequest request(Optional<ContactPreference> contact) {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("name", "Ada Lovelace");
    answers.put("bank-account", HandoffRequest.REDACTED);
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "bank-account",
        HandoffReason.REPEATED_VALIDATION_FAILURES, "3 failed attempts", answers, Set.of("bank-account"), 0,
        Optional.of("over-75"), Channel.ONLINE, contact, Optional.of(URI.create("https://x.example/continue?token=t")),
        Instant.parse("2026-11-27T16:00:00Z"));
  }

  TeamEmailHandoffChannel channel() {
    return TeamEmailHandoffChannel.builder(notifier, "waste-team@example.gov.uk").hours(office)
        .responseTime(Duration.ofHours(8)).clock(clock).build();
  }

  @Test
  void emailsTheContextToTheTeamAndTellsThePersonWhenToExpectAReply() {
    HandoffRequest r = request(Optional.of(ContactPreference.email("ada@example.org")));
    HandoffResult result = channel().handOff(r);

    HandoffResult.Accepted a = (HandoffResult.Accepted) result;
    assertThat(a.channel()).isEqualTo("team-email");
    // 8 working hours from Friday 4pm: 1 hour on Friday, 7 on Monday
    assertThat(a.expectedBy()).contains(Instant.parse("2026-11-30T16:00:00Z"));
    assertThat(a.whatHappensNext()).isEqualTo("We have sent your request and your answers so far to our team. They will"
        + " email you by 4pm on Monday 30 November. Your reference is " + r.reference().value() + ".");
    assertThat(a.externalReference()).contains("n-1");

    NotificationRequest email = sent.get(0);
    assertThat(email.recipient()).isEqualTo(new Recipient.Email("waste-team@example.gov.uk"));
    assertThat(email.idempotencyKey()).isEqualTo("handoff-" + r.handoffId().value());
    assertThat(email.personalisation().get("answers")).isEqualTo("* name: Ada Lovelace\n* bank-account: [redacted]");
    assertThat(email.personalisation().get("contact")).isEqualTo("email: ada@example.org");
    RenderedMessage.Email rendered = (RenderedMessage.Email) templates.render(email);
    assertThat(rendered.subject()).isEqualTo("Help needed: garden-waste " + r.reference().value());
    assertThat(rendered.plainText()).contains("Stuck at: bank-account").contains("https://x.example/continue?token=t")
        .contains("they could not get past a page");
  }

  @Test
  void aRetriedHandoffHasTheSameIdempotencyKeySoTheOutboxSendsOneEmail() {
    HandoffRequest r = request(Optional.of(ContactPreference.phone("01632 960001")));
    channel().handOff(r);
    channel().handOff(r);
    assertThat(sent).extracting(NotificationRequest::idempotencyKey).containsOnly("handoff-" + r.handoffId().value());
    assertThat(((HandoffResult.Accepted) channel().handOff(r)).whatHappensNext()).contains("They will contact you by");
  }

  @Test
  void withoutContactDetailsTheTeamCannotReplySoTheRouterMustMoveOn() {
    assertThat(channel().handOff(request(Optional.empty()))).isInstanceOf(HandoffResult.Failed.class);
    assertThat(channel().handOff(request(Optional.of(ContactPreference.none())))).isInstanceOf(HandoffResult.Failed.class);
    assertThat(sent).isEmpty();
  }

  @Test
  void aNotifierFaultIsAFailureNotAnException() {
    Notifier broken = request -> {
      throw new IllegalStateException("database down");
    };
    HandoffResult r = TeamEmailHandoffChannel.builder(broken, "team@example.gov.uk").clock(clock).build()
        .handOff(request(Optional.of(ContactPreference.email("ada@example.org"))));
    assertThat(r).isInstanceOf(HandoffResult.Failed.class);
    assertThat(((HandoffResult.Failed) r).why()).doesNotContain("ada@");
  }

  static HandoffRequest withAnswers(Map<String, String> answers, String detail) {
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "notes",
        HandoffReason.ASKED_FOR_HELP, detail, answers, Set.of(), 0, Optional.empty(), Channel.ONLINE,
        Optional.of(ContactPreference.email("ada@example.org")), Optional.of(URI.create("https://x.example/continue?token=t")),
        Instant.parse("2026-11-27T16:00:00Z"));
  }

  RenderedMessage.Email sentEmail(HandoffRequest r) {
    channel().handOff(r);
    return (RenderedMessage.Email) templates.render(sent.get(sent.size() - 1));
  }

  @Test
  void markdownTypedIntoAnAnswerShowsAsTypedAndNothingInItIsClickable() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("link", "[click here](https://evil.example/login)");
    answers.put("bare", "see https://evil.example/x and www.evil.example");
    answers.put("heading", "# Urgent: pay now");
    answers.put("emphasis", "*bold* _it_ `code` \\[x]");
    answers.put("inset", "^ This is an inset");
    answers.put("rule", "---");
    answers.put("lines", "first\n# second\r\n^ third\u2028---\n* item\n1. one");
    answers.put("image", "![pixel](https://evil.example/p.png)");
    RenderedMessage.Email email = sentEmail(withAnswers(answers, "typed [detail](https://evil.example)"));
    String html = email.html();

    // The only link is the resume link the service put there; the template's two headings are the only headings.
    assertThat(html.split("<a ", -1)).hasSize(2);
    assertThat(html).contains("href=\"https://x.example/continue?token=t\"");
    assertThat(html.split("<h2", -1)).hasSize(3);
    assertThat(html).doesNotContain("<blockquote").doesNotContain("<hr").doesNotContain("<img").doesNotContain("<ol")
        .doesNotContain("evil.example/p.png\"");
    assertThat(html.split("<li", -1)).as("one bullet per answer").hasSize(answers.size() + 1);
    // What was typed is there to read, without the escapes.
    String plain = email.plainText().replace("\u200B", "");
    assertThat(plain).contains("[click here](https://evil.example/login)")
        .contains("# Urgent: pay now")
        .contains("*bold* _it_ `code` \\[x]")
        .contains("^ This is an inset")
        .contains("rule: ---\n")
        .contains("first # second ^ third \u2013 * item 1. one") // Notify's en dash between spaces
        .contains("see https://evil.example/x and www.evil.example")
        .contains("typed [detail](https://evil.example)")
        .doesNotContain("\\#").doesNotContain("\\[c");
    assertThat(html.replace("\u200B", "")).contains("[click here](https://evil.example/login)");
  }

  @Property(tries = 300)
  void noAnswerEverAddsALinkAHeadingOrABlock(@ForAll @StringLength(max = 60) @CharRange(from = ' ', to = '~') String typed,
      @ForAll("markdownish") String pattern) {
    sent.clear();
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("a", typed);
    answers.put("b", pattern + typed + pattern);
    String html = sentEmail(withAnswers(answers, pattern)).html();
    assertThat(html.split("<a ", -1)).hasSize(2);
    assertThat(html.split("<h2", -1)).hasSize(3);
    assertThat(html.split("<li", -1)).hasSize(3);
    assertThat(html).doesNotContain("<blockquote").doesNotContain("<hr").doesNotContain("<img");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> markdownish() {
    return net.jqwik.api.Arbitraries.of("[x](https://e.example)", "https://e.example", "# ", "\n# ", "\n^ ", "\n---\n",
        "\n* ", "\n1. ", "![i](http://e.example/i.png)", "<https://e.example>", "\\", "\r\n===\r\n", "\u2028^ ");
  }
}
