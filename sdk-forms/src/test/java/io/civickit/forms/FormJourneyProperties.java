package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.progress.ProgressStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FormJourneyProperties {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  @Provide
  Arbitrary<Form> forms() {
    return FormArbitraries.forms();
  }

  @Property(tries = 50)
  void everyFormRunsAsAJourneyAndNoInputBreaksIt(@ForAll("forms") Form form, @ForAll String typed) {
    Journeys journeys = Journeys.builder().definition(FormJourney.definition(form, CLOCK))
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = journeys.start(form.id());
    Map<String, List<String>> input = new java.util.HashMap<>();
    for (Question q : form.pages().get(0).questions()) {
      input.put(q.id(), List.of(typed));
      input.put(q.id() + "-day", List.of(typed));
    }
    SubmitResult r = journeys.submit(j.id(), j.currentStep(), input, Actor.citizen(), Locale.forLanguageTag("cy"));
    assertThat(r).isInstanceOfAny(SubmitResult.Moved.class, SubmitResult.Invalid.class, SubmitResult.Completed.class);
    List<CheckAnswers.Row> rows = CheckAnswers.rows(form, r.journey(), Locale.UK, CLOCK);
    assertThat(rows).allSatisfy(row -> assertThat(form.question(row.questionId())).isPresent());
    assertThat(TaskList.of(form, r.journey(), CLOCK)).hasSizeLessThanOrEqualTo(form.sections().size());
  }
}
