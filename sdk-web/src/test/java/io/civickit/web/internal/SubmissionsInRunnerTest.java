package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.DeliveryStatus;
import io.civickit.submit.Destination;
import io.civickit.submit.SubmittedPayment;
import io.civickit.submit.Submission;
import io.civickit.submit.Submissions;
import io.civickit.web.RunnerTemplates;
import io.civickit.web.WebResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner submitting completed journeys through sdk-submit: once per journey, in the person's
 * language, with the copy they asked for; the console's failed deliveries and "Send again"; the
 * retention purge. In-process on H2, the delivery workers running, a clock the test moves.
 */
class SubmissionsInRunnerTest {
  @TempDir Path dir;
  private InProcess web;
  private final CaseSystem caseSystem = new CaseSystem();

  /** A case system that records what it receives, and refuses it while told to. */
  static final class CaseSystem implements Destination {
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile boolean refusing;

    @Override
    public String name() {
      return "case-system";
    }

    @Override
    public SendResult deliver(Delivery d) {
      received.add(d.submission().id());
      return refusing ? new SendResult.PermanentFailure("case system answered 400: field email = oak@example.org")
          : new SendResult.Accepted("case-" + received.size());
    }
  }

  private InProcess start(boolean copies, Duration retention) {
    return start(dir, copies, retention);
  }

  private InProcess start(Path folder, boolean copies, Duration retention) {
    return start(folder, copies, retention, s -> s);
  }

  private InProcess start(Path folder, boolean copies, Duration retention, UnaryOperator<Submissions> wrap) {
    web = new InProcess(folder, Map.of(), (self, b) -> {
      Submissions.Builder s = Submissions.builder().dataSource(self.dataSource).keyRing(self.keys)
          .councilName("Anytown Council").clock(self.clock).maxAttempts(1).pollInterval(Duration.ofMillis(20))
          .destination("suite-form", caseSystem);
      if (copies) {
        s.applicantCopies(self.notifier, RunnerTemplates.SUBMISSION_COPY);
      }
      b.submissions(wrap.apply(s.build())).submissionRetention(retention);
    });
    return web;
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private static String location(WebResponse r) {
    return r.header("Location").orElse("");
  }

  private static String code(List<String> emails) {
    for (int i = emails.size() - 1; i >= 0; i--) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Your code is|Eich cod yw) ([0-9]{6})")
          .matcher(emails.get(i));
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no code emailed");
  }

  /** Answers the form to check your answers; the browser is on it. */
  private InProcess.Browser toCheckAnswers(boolean welsh) {
    InProcess.Browser b = web.browser();
    b.get("/");
    if (welsh) {
      b.post("/language", Map.of("to", "cy", "return", "/"));
    }
    assertThat(location(b.post("/start", Map.of()))).isEqualTo("/apply/where");
    b.get("/apply/where");
    b.post("/apply/where", Map.of("where", "Oak Lane"));
    b.get("/apply/contact");
    assertThat(location(b.post("/apply/contact", Map.of("email", "oak@example.org"))))
        .isEqualTo("/apply/check-answers");
    return b;
  }

  /** Sends check your answers (ticking the copy box or not) and the emailed code; returns the confirmation page. */
  private String complete(InProcess.Browser b, boolean copy) {
    assertThat(location(b.post("/apply/check-answers", copy ? Map.of("copy", "yes") : Map.of())))
        .isEqualTo("/apply/confirm-email");
    b.get("/apply/confirm-email");
    assertThat(location(b.post("/apply/confirm-email", Map.of("code", code(web.emails)))))
        .isEqualTo("/apply/confirmation");
    return b.get("/apply/confirmation").bodyText();
  }

  private List<String> submissionIds() {
    List<String> ids = new ArrayList<>();
    try (Connection c = web.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM civickit_submission")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /** Waits, up to 10 s, for the delivery workers to get somewhere. */
  private static void await(String what, BooleanSupplier done) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aCompletedJourneyIsSubmittedOnceInTheirLanguageWithTheCopyTheyAskedFor() {
    start(true, Duration.ofDays(90));
    InProcess.Browser b = toCheckAnswers(true);
    String check = b.get("/apply/check-answers").bodyText();
    assertThat(check).contains("name=\"copy\"", "Anfonwch gopi o fy atebion ataf drwy e-bost")
        .doesNotContain("copy-hint\" checked");

    String confirmation = complete(b, true);

    assertThat(confirmation).contains("Rydym wedi anfon copi o&#39;ch atebion i:", "oak@example.org");
    assertThat(submissionIds()).hasSize(1);
    Submission s = web.runner.submissions().orElseThrow().find(submissionIds().get(0)).orElseThrow();
    assertThat(s.language().getLanguage()).isEqualTo("cy");
    assertThat(s.answer("where").orElseThrow().formatted(s.language())).isEqualTo("Oak Lane");
    assertThat(s.payment()).isEmpty();
    assertThat(web.emails).filteredOn(e -> e.contains("Eich atebion: ")).singleElement()
        .satisfies(e -> assertThat(e).contains(s.reference(), "goeden?: Oak Lane"));
    await("the delivery", () -> caseSystem.received.contains(s.id()));

    // The same POST again (a double click, a retry) submits nothing more and sends no second copy.
    assertThat(location(b.post("/apply/confirm-email", Map.of("code", code(web.emails)))))
        .isEqualTo("/apply/confirmation");
    assertThat(submissionIds()).hasSize(1);
    assertThat(web.emails).filteredOn(e -> e.contains("Eich atebion: ")).hasSize(1);
    assertThat(caseSystem.received).containsExactly(s.id());
  }

  @Test
  void noCopyIsSentWhenTheBoxIsLeftEmptyAndNoBoxIsOfferedWithoutApplicantCopies() {
    start(true, Duration.ofDays(90));
    InProcess.Browser b = toCheckAnswers(false);
    b.post("/apply/check-answers", Map.of("copy", "yes"));
    b.post("/apply/confirm-email", Map.of("code", "000001"));              // a wrong code: still on the email check
    assertThat(b.get("/apply/check-answers").bodyText()).as("still ticked when they come back")
        .contains("copy-hint\" checked");
    String confirmation = complete(b, false);
    assertThat(confirmation).doesNotContain("We have sent a copy of your answers");
    assertThat(submissionIds()).hasSize(1);
    assertThat(web.emails).noneMatch(e -> e.contains("Your answers: "));
    web.close();
    web = null;

    start(dir.resolve("without-copies"), false, Duration.ofDays(90));
    assertThat(toCheckAnswers(false).get("/apply/check-answers").bodyText()).doesNotContain("name=\"copy\"");
  }

  @Test
  void thePaymentTheStepRecordedGoesIntoTheSubmission() {
    start(false, Duration.ofDays(90));
    Journey j = web.runner.journeys().start("suite-form");
    Map<String, Value> paid = Map.of("id", Value.text("hu20sqlact5260q2nanm0q8u93"), "amount", Value.number(4500),
        "status", Value.text("success"), "reference", Value.text(j.reference().value()),
        "provider", Value.text("govuk-pay"));
    Journey withPayment = j.toBuilder().answer(SubmissionHook.PAYMENT_ANSWER,
        new Answer(Value.fields(paid), Optional.empty(), Actor.system("govuk-pay"), false)).build();
    assertThat(SubmissionHook.payment(withPayment))
        .contains(new SubmittedPayment(4500, "hu20sqlact5260q2nanm0q8u93", "success", j.reference().value()));
    Map<String, Value> nothingDue = Map.of("id", Value.text(""), "amount", Value.number(0),
        "status", Value.text("not_required"));
    assertThat(SubmissionHook.payment(j.toBuilder().answer(SubmissionHook.PAYMENT_ANSWER,
        new Answer(Value.fields(nothingDue), Optional.empty(), Actor.system("govuk-pay"), false)).build())).isEmpty();
    assertThat(SubmissionHook.payment(j)).isEmpty();
  }

  @Test
  void anAdviserSeesFailedDeliveriesWithoutPersonalDataAndSendsThemAgain() {
    start(false, Duration.ofDays(90));
    caseSystem.refusing = true;
    complete(toCheckAnswers(false), false);
    Submissions submissions = web.runner.submissions().orElseThrow();
    await("the dead letter", () -> !submissions.deadLetters().isEmpty());
    String reference = submissions.deadLetters().get(0).reference();

    InProcess.Browser adviser = web.browser();
    adviser.get("/agent/login");
    adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD));
    String page = adviser.get("/agent/deliveries").bodyText();
    assertThat(page).contains("Deliveries that failed", reference, "case-system", "case system answered 400",
        "Send again").doesNotContain("oak@example.org", "Oak Lane");
    assertThat(adviser.get("/agent").bodyText()).as("in the console's navigation").contains("/agent/deliveries");

    String id = submissions.deadLetters().get(0).submissionId();
    InProcess.Browser stranger = web.browser();
    stranger.get("/");
    assertThat(location(stranger.post("/agent/deliveries/send-again",
        Map.of("submission", id, "destination", "case-system")))).as("not signed in").isEqualTo("/agent/login");
    WebResponse noToken = adviser.send("POST", "/agent/deliveries/send-again", "application/x-www-form-urlencoded",
        ("submission=" + id + "&destination=case-system").getBytes(StandardCharsets.UTF_8));
    assertThat(noToken.status()).as("no CSRF token").isEqualTo(403);
    assertThat(submissions.deadLetters()).hasSize(1);

    caseSystem.refusing = false;
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    WebResponse sent;
    try {
      sent = adviser.post("/agent/deliveries/send-again", Map.of("submission", id, "destination", "case-system"));
    } finally {
      System.setErr(original);
    }
    assertThat(location(sent)).isEqualTo("/agent/deliveries?sent=" + reference);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("adviser " + InProcess.ADVISER + " sent submission "
        + reference).doesNotContain("oak@example.org");
    await("the delivery sent again", () -> submissions.deliveries(id).get(0).status() == DeliveryStatus.DELIVERED);
    assertThat(caseSystem.received).containsExactly(id, id);
    assertThat(adviser.get("/agent/deliveries?sent=" + reference).bodyText())
        .contains(reference + " queued to send again", "Every submission has been delivered");
    assertThat(adviser.post("/agent/deliveries/send-again", Map.of("submission", id, "destination", "case-system"))
        .status()).as("already sent again").isEqualTo(409);
  }

  /** Submissions whose first {@code submit} fails, as when the database is unavailable for a moment. */
  private static Submissions failingOnce(Submissions real) {
    AtomicBoolean failed = new AtomicBoolean();
    return (Submissions) Proxy.newProxyInstance(Submissions.class.getClassLoader(), new Class<?>[] {Submissions.class},
        (proxy, method, args) -> {
          if (method.getName().equals("submit") && failed.compareAndSet(false, true)) {
            throw new io.civickit.core.CivicKitException("could not store the submission (SQL state 08006)") {};
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aJourneyWhoseSubmitFailedIsSubmittedLateByTheNextPurgeOnceOnly() {
    start(dir, true, Duration.ofDays(90), SubmissionsInRunnerTest::failingOnce);
    String confirmation = complete(toCheckAnswers(false), true);
    assertThat(confirmation).as("the person is not troubled: their application is complete")
        .contains("id=\"reference\"");
    assertThat(submissionIds()).isEmpty();

    assertThat(web.runner.purgeNow()).containsEntry("late-submissions", 1);
    assertThat(submissionIds()).hasSize(1);
    String id = submissionIds().get(0);
    await("the delivery", () -> caseSystem.received.contains(id));
    assertThat(web.emails).filteredOn(e -> e.contains("Your answers: ")).hasSize(1);
    assertThat(web.runner.purgeNow()).containsEntry("late-submissions", 0);
    assertThat(submissionIds()).hasSize(1);
  }

  @Test
  void storedDocumentsArePurgedOnceDeliveredAndPastTheirRetention() {
    start(false, Duration.ofDays(30));
    complete(toCheckAnswers(false), false);
    String id = submissionIds().get(0);
    Submissions submissions = web.runner.submissions().orElseThrow();
    await("the delivery", () -> submissions.deliveries(id).get(0).status() == DeliveryStatus.DELIVERED);

    web.clock.advance(Duration.ofDays(29));
    assertThat(web.runner.purgeNow()).containsEntry("submissions", 0);
    assertThat(submissions.find(id)).isPresent();

    web.clock.advance(Duration.ofDays(2));
    assertThat(web.runner.purgeNow()).containsEntry("submissions", 1);
    assertThat(submissions.find(id)).isEmpty();
    assertThat(web.rows("civickit_submission_delivery")).isZero();
  }

  @Test
  void failedDeliveriesAreKeptPastTheirRetention() {
    start(false, Duration.ofDays(30));
    caseSystem.refusing = true;
    complete(toCheckAnswers(false), false);
    Submissions submissions = web.runner.submissions().orElseThrow();
    await("the dead letter", () -> !submissions.deadLetters().isEmpty());
    web.clock.advance(Duration.ofDays(400));
    assertThat(web.runner.purgeNow()).containsEntry("submissions", 0);
    assertThat(submissions.find(submissions.deadLetters().get(0).submissionId())).isPresent();
  }
}
