package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.StartOptions;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormJourneyTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneId.of("Europe/London"));
  static final Locale EN = Locale.UK;
  static final Locale CY = Locale.forLanguageTag("cy");

  final Form garden = SampleFormsTest.gardenWaste();
  final Journeys journeys = Journeys.builder().definition(FormJourney.definition(garden, CLOCK))
      .store(ProgressStore.inMemory()).clock(CLOCK).build();

  static Map<String, List<String>> in(String... pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], List.of(pairs[i + 1]));
    }
    return m;
  }

  SubmitResult submit(Journey j, String page, Map<String, List<String>> input) {
    return journeys.submit(j.id(), page, input, Actor.citizen(), EN);
  }

  Journey current(Journey j) {
    return journeys.find(j.id()).orElseThrow();
  }

  /** Answers every page of the garden waste form up to check your answers. */
  Journey toCheckAnswers(boolean assisted) {
    Journey j = journeys.start(garden.id());
    submit(j, "lives-in-area", in("lives_in_area", "yes"));
    submit(j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed",
        "address-postcode", "cf10 1aa"));
    submit(j, "bins", in("number_of_bins", "2"));
    submit(j, "assisted-collection", assisted
        ? in("assisted_collection", "yes", "bin_location", "By the side gate")
        : in("assisted_collection", "no"));
    submit(j, "start-date", in("start_date-day", "1", "start_date-month", "April", "start_date-year", "2026"));
    SubmitResult r = submit(j, "contact", in("email", "sam@example.com", "phone", ""));
    assertThat(r).isInstanceOf(SubmitResult.Moved.class);
    assertThat(r.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    return r.journey();
  }

  @Test
  void eligiblePersonReachesCheckAnswersAndSubmitsOnce() {
    Journey j = toCheckAnswers(false);
    SubmitResult done = submit(j, Form.CHECK_ANSWERS, Map.of());
    assertThat(done).isInstanceOfSatisfying(SubmitResult.Completed.class,
        c -> assertThat(c.outcome()).isEqualTo(Outcome.SUCCESS));
    assertThat(done.journey().currentStep()).isEqualTo("confirmation");
    // back button or double click: the same page again changes nothing
    SubmitResult again = submit(j, Form.CHECK_ANSWERS, Map.of());
    assertThat(again).isInstanceOf(SubmitResult.NotAvailable.class);
    assertThat(again.journey().status()).isEqualTo(JourneyStatus.COMPLETED);
    assertThat(submit(j, "contact", in("email", "other@example.com"))).isInstanceOf(SubmitResult.NotAvailable.class);
    assertThat(current(j).answer("email").orElseThrow().value()).isEqualTo(Value.text("sam@example.com"));
  }

  @Test
  void personOutsideTheAreaEndsNotEligible() {
    Journey j = journeys.start(garden.id());
    SubmitResult r = submit(j, "lives-in-area", in("lives_in_area", "no"));
    assertThat(r).isInstanceOfSatisfying(SubmitResult.Completed.class,
        c -> assertThat(c.outcome()).isEqualTo(Outcome.INELIGIBLE));
    assertThat(r.journey().currentStep()).isEqualTo("not-eligible");
  }

  @Test
  void hiddenQuestionIsNeverValidatedAndNotSaved() {
    Journey j = journeys.start(garden.id());
    submit(j, "lives-in-area", in("lives_in_area", "yes"));
    submit(j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed", "address-postcode", "CF10 1AA"));
    submit(j, "bins", in("number_of_bins", "1"));
    String tooLong = "x".repeat(500);
    SubmitResult r = submit(j, "assisted-collection", in("assisted_collection", "no", "bin_location", tooLong));
    assertThat(r).isInstanceOf(SubmitResult.Moved.class);
    assertThat(r.journey().answers()).doesNotContainKey("bin_location");
  }

  @Test
  void shownQuestionIsValidated() {
    Journey j = journeys.start(garden.id());
    submit(j, "lives-in-area", in("lives_in_area", "yes"));
    submit(j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed", "address-postcode", "CF10 1AA"));
    submit(j, "bins", in("number_of_bins", "1"));
    SubmitResult r = submit(j, "assisted-collection", in("assisted_collection", "yes", "bin_location", ""));
    assertThat(r).isInstanceOfSatisfying(SubmitResult.Invalid.class,
        i -> assertThat(i.errors()).extracting(e -> e.field()).containsExactly("bin_location"));
  }

  @Test
  void checkAnswersRowsFollowTheRouteWithNotProvidedForSkippedOptionalQuestions() {
    Journey j = toCheckAnswers(false);
    List<CheckAnswers.Row> rows = CheckAnswers.rows(garden, j, EN, CLOCK);
    assertThat(rows).extracting(CheckAnswers.Row::questionId).containsExactly("lives_in_area", "address",
        "number_of_bins", "assisted_collection", "start_date", "email", "phone");
    assertThat(rows).extracting(CheckAnswers.Row::answer).containsExactly("Yes",
        "1 High Street\nBryncoed\nCF10 1AA", "2", "No", "1 April 2026", "sam@example.com", "Not provided");
    assertThat(rows.get(6).provided()).isFalse();
    assertThat(rows).extracting(CheckAnswers.Row::changePage).containsExactly("lives-in-area", "address", "bins",
        "assisted-collection", "start-date", "contact", "contact");
    List<CheckAnswers.Row> welsh = CheckAnswers.rows(garden, j, CY, CLOCK);
    assertThat(welsh.get(0).question()).isEqualTo("Ydych chi'n byw yn ardal y cyngor?");
    assertThat(welsh.get(4).answer()).isEqualTo("1 Ebrill 2026");
    assertThat(welsh.get(6).answer()).isEqualTo("Heb ei ddarparu");
  }

  @Test
  void changeThatHidesAQuestionDropsItsAnswerAndReturnsToCheckAnswers() {
    Journey j = toCheckAnswers(true);
    assertThat(CheckAnswers.rows(garden, j, EN, CLOCK)).extracting(CheckAnswers.Row::questionId)
        .contains("bin_location");
    journeys.change(j.id(), "assisted-collection", Form.CHECK_ANSWERS);
    SubmitResult r = submit(j, "assisted-collection", in("assisted_collection", "no"));
    assertThat(r.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(r.journey().answers()).doesNotContainKey("bin_location");
    assertThat(CheckAnswers.rows(garden, r.journey(), EN, CLOCK)).extracting(CheckAnswers.Row::questionId)
        .doesNotContain("bin_location");
  }

  @Test
  void changeThatNeedsANewPageAsksItBeforeReturningToCheckAnswers() {
    Form pets = PetsForm.form();
    Journeys js = Journeys.builder().definition(FormJourney.definition(pets, CLOCK))
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = js.start(pets.id());
    js.submit(j.id(), "has-pet", in("has_pet", "no"), Actor.citizen(), EN);
    SubmitResult r = js.submit(j.id(), "name", in("full_name", "Sam Jones"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(CheckAnswers.rows(pets, r.journey(), EN, CLOCK)).extracting(CheckAnswers.Row::questionId)
        .containsExactly("has_pet", "full_name");

    js.change(j.id(), "has-pet", Form.CHECK_ANSWERS);
    r = js.submit(j.id(), "has-pet", in("has_pet", "yes"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("pet");
    r = js.submit(j.id(), "pet", in("pet_name", "Rex"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(CheckAnswers.rows(pets, r.journey(), EN, CLOCK)).extracting(CheckAnswers.Row::questionId)
        .containsExactly("has_pet", "pet_name", "full_name");

    // and back again: the pet page is hidden, so its answer goes
    js.change(j.id(), "has-pet", Form.CHECK_ANSWERS);
    r = js.submit(j.id(), "has-pet", in("has_pet", "no"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo(Form.CHECK_ANSWERS);
    assertThat(r.journey().answers()).doesNotContainKey("pet_name");
  }

  @Test
  void hiddenPagesAreSkippedInForwardRouting() {
    Form pets = PetsForm.form();
    Journeys js = Journeys.builder().definition(FormJourney.definition(pets, CLOCK))
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = js.start(pets.id());
    assertThat(js.submit(j.id(), "has-pet", in("has_pet", "no"), Actor.citizen(), EN).journey().currentStep())
        .isEqualTo("name");
    js.back(j.id());
    assertThat(js.submit(j.id(), "has-pet", in("has_pet", "yes"), Actor.citizen(), EN).journey().currentStep())
        .isEqualTo("pet");
  }

  @Test
  void prefilledAnswersAreMarkedAndBecomeThePersonsOnceConfirmed() {
    Map<String, Value> seeds = Prefill.fromInput(garden, in("email", " sam@example.com ", "number_of_bins", "9",
        "nonsense", "x"), LocalDate.now(CLOCK));
    assertThat(seeds).containsOnlyKeys("email");
    Journey j = journeys.start(garden.id(),
        Prefill.into(StartOptions.builder(), seeds, Actor.system("link")).build());
    Answer seeded = j.answer("email").orElseThrow();
    assertThat(seeded.prefilled()).isTrue();
    assertThat(seeded.suppliedBy()).isEqualTo(Actor.system("link"));
    assertThat(PageInput.of(garden.page("contact").orElseThrow(), j)).containsEntry("email", List.of("sam@example.com"));

    Journey atCya = toCheckAnswersFrom(j);
    Answer confirmed = atCya.answer("email").orElseThrow();
    assertThat(confirmed.prefilled()).isFalse();
    assertThat(confirmed.suppliedBy()).isEqualTo(Actor.citizen());
  }

  private Journey toCheckAnswersFrom(Journey j) {
    submit(j, "lives-in-area", in("lives_in_area", "yes"));
    submit(j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed", "address-postcode", "CF10 1AA"));
    submit(j, "bins", in("number_of_bins", "2"));
    submit(j, "assisted-collection", in("assisted_collection", "no"));
    submit(j, "start-date", in("start_date-day", "1", "start_date-month", "4", "start_date-year", "2026"));
    return submit(j, "contact", in("email", "sam@example.com")).journey();
  }

  @Test
  void answersRecordTheAdviserWhoGaveThem() {
    Journey j = journeys.start(garden.id());
    SubmitResult r = journeys.submit(j.id(), "lives-in-area", in("lives_in_area", "yes"), Actor.adviser("A123"), EN);
    assertThat(r.journey().answer("lives_in_area").orElseThrow().suppliedBy()).isEqualTo(Actor.adviser("A123"));
  }

  @Test
  void prefillFromARecordMustFitTheQuestions() {
    assertThat(Prefill.fromRecord(garden, Map.of("number_of_bins", Value.number(2)))).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prefill.fromRecord(garden, Map.of("number_of_bins",
        Value.text("two")))).hasMessageContaining("number_of_bins");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prefill.fromRecord(garden, Map.of("shoe_size",
        Value.number(2)))).hasMessageContaining("shoe_size");
  }

  @Test
  void taskListStatusesComeFromTheJourney() {
    Journey j = journeys.start(garden.id());
    assertThat(statuses(j)).containsExactly(TaskList.Status.NOT_YET_STARTED, TaskList.Status.CANNOT_START_YET,
        TaskList.Status.CANNOT_START_YET);
    submit(j, "lives-in-area", in("lives_in_area", "yes"));
    assertThat(statuses(current(j))).containsExactly(TaskList.Status.IN_PROGRESS, TaskList.Status.CANNOT_START_YET,
        TaskList.Status.CANNOT_START_YET);
    submit(j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed", "address-postcode", "CF10 1AA"));
    assertThat(statuses(current(j))).containsExactly(TaskList.Status.COMPLETED, TaskList.Status.NOT_YET_STARTED,
        TaskList.Status.CANNOT_START_YET);
    assertThat(TaskList.of(garden, current(j), CLOCK).get(1).startPage()).contains("bins");
    Journey done = toCheckAnswers(false);
    assertThat(statuses(done)).containsOnly(TaskList.Status.COMPLETED);
  }

  private List<TaskList.Status> statuses(Journey j) {
    return TaskList.of(garden, j, CLOCK).stream().map(TaskList.Task::status).toList();
  }

  @Test
  void answersThatNoLongerFitAreDroppedOnANewVersion() {
    Journey j = toCheckAnswers(false);
    Form v2 = PetsForm.withMaxBins(garden, 1);
    Journey moved = journeys.migrate(current(j), FormJourney.definition(v2, CLOCK));
    assertThat(moved.answers()).doesNotContainKey("number_of_bins").containsKey("email");
    assertThat(moved.currentStep()).isEqualTo("bins");
  }

  @Test
  void stepsOfTheHostAppRunBetweenCheckAnswersAndTheConfirmation() {
    io.civickit.core.Step passcode = new io.civickit.core.Step() {
      @Override
      public String id() {
        return "confirm-email";
      }

      @Override
      public java.util.Set<String> answerKeys() {
        return java.util.Set.of("email_confirmed");
      }

      @Override
      public io.civickit.core.StepResult submit(io.civickit.core.StepSubmission s) {
        return s.first("code").filter("123456"::equals).<io.civickit.core.StepResult>map(c ->
                io.civickit.core.StepResult.Accepted.of(Map.of("email_confirmed", Answer.of(Value.bool(true)))))
            .orElse(new io.civickit.core.StepResult.Rejected(List.of(new io.civickit.core.FieldError("code",
                "Enter the code we emailed you"))));
      }
    };
    Journeys js = Journeys.builder()
        .definition(FormJourney.builder(garden, CLOCK).afterCheckAnswers(passcode).build())
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = js.start(garden.id());
    js.submit(j.id(), "lives-in-area", in("lives_in_area", "yes"), Actor.citizen(), EN);
    js.submit(j.id(), "address", in("address-line1", "1 High Street", "address-town", "Bryncoed",
        "address-postcode", "CF10 1AA"), Actor.citizen(), EN);
    js.submit(j.id(), "bins", in("number_of_bins", "1"), Actor.citizen(), EN);
    js.submit(j.id(), "assisted-collection", in("assisted_collection", "no"), Actor.citizen(), EN);
    js.submit(j.id(), "start-date", in("start_date-day", "2", "start_date-month", "3", "start_date-year", "2026"),
        Actor.citizen(), EN);
    js.submit(j.id(), "contact", in("email", "sam@example.com"), Actor.citizen(), EN);
    SubmitResult r = js.submit(j.id(), Form.CHECK_ANSWERS, Map.of(), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("confirm-email");
    assertThat(js.submit(j.id(), "confirm-email", in("code", "000000"), Actor.citizen(), EN))
        .isInstanceOf(SubmitResult.Invalid.class);
    assertThat(js.submit(j.id(), "confirm-email", in("code", "123456"), Actor.citizen(), EN))
        .isInstanceOfSatisfying(SubmitResult.Completed.class, c -> assertThat(c.outcome()).isEqualTo(Outcome.SUCCESS));
  }

  @Test
  void aRouteToAHiddenPageGoesOnToTheNextPageShown() {
    Question skip = Question.builder("skip", QuestionType.YES_NO).label("Skip ahead?", "Neidio ymlaen?")
        .errorNoun("whether to skip ahead", "a ddylid neidio ymlaen").build();
    Question middle = Question.builder("middle", QuestionType.TEXT).label("Middle", "Canol")
        .errorNoun("the middle", "y canol").build();
    Question phoneOnly = Question.builder("phone_only", QuestionType.TEXT).label("Phone only", "Ffôn yn unig")
        .errorNoun("the phone answer", "ateb y ffôn").build();
    Question last = Question.builder("last", QuestionType.TEXT).label("Last", "Olaf")
        .errorNoun("the last answer", "yr ateb olaf").build();
    Form f = Form.builder("hops", 1).title("Hops", "Neidiau")
        .page(Page.builder("start").question(skip).build())
        .page(Page.builder("middle").question(middle).build())
        .page(Page.builder("phone").showIf("journey.channel = 'TELEPHONE'").question(phoneOnly).build())
        .page(Page.builder("last").question(last).build())
        .route("start", "skip = true", "phone")
        .end(new FormEnd("done", LocalisedText.of("Done", "Wedi gorffen"), LocalisedText.of("Thanks", "Diolch"),
            Outcome.SUCCESS))
        .build();
    assertThat(io.civickit.forms.lint.FormLint.check(f)).isEmpty();
    Journeys js = Journeys.builder().definition(FormJourney.definition(f, CLOCK))
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = js.start(f.id());
    SubmitResult r = js.submit(j.id(), "start", in("skip", "yes"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("last");
    Journey k = js.start(f.id());
    js.submit(k.id(), "start", in("skip", "no"), Actor.citizen(), EN);
    r = js.submit(k.id(), "middle", in("middle", "m"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("last");
    Journey byPhone = js.start(f.id(), StartOptions.builder().channel(io.civickit.core.Channel.TELEPHONE).build());
    r = js.submit(byPhone.id(), "start", in("skip", "yes"), Actor.citizen(), EN);
    assertThat(r.journey().currentStep()).isEqualTo("phone");
  }

  @Test
  void rowsAndTasksRenderAsGovukComponents() {
    Journey j = toCheckAnswers(false);
    String summary = io.civickit.forms.html.FormRenderer.checkAnswers(
        CheckAnswers.summaryRows(garden, j, CY, CLOCK, page -> "/change/" + page), CY);
    assertThat(summary).contains("href=\"/change/start-date\"").contains("1 Ebrill 2026").contains("y dyddiad dechrau");
    String tasks = io.civickit.forms.html.FormRenderer.taskList(
        TaskList.items(garden, journeys.start(garden.id()), EN, CLOCK, page -> "/apply/" + page), EN);
    assertThat(tasks).contains("href=\"/apply/lives-in-area\"").contains("Not yet started")
        .contains("Cannot start yet").doesNotContain("href=\"/apply/bins\"");
  }
}
