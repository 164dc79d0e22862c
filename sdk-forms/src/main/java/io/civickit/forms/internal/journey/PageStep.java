package io.civickit.forms.internal.journey;

import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.forms.Page;
import io.civickit.forms.QuestionType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A form page as a journey step: validates the questions shown, never the hidden ones; clears
 * hidden questions' answers, here and anywhere else in the form a new answer has hidden.
 */
public final class PageStep implements Step {
  private final CompiledForm form;
  private final Page page;
  private final Clock clock;
  private final Set<String> keys;
  private final Set<String> sensitive;

  /**
   * @param form the compiled form
   * @param page the page
   * @param clock clock whose zone gives "today"
   */
  public PageStep(CompiledForm form, Page page, Clock clock) {
    this.form = form;
    this.page = page;
    this.clock = clock;
    Set<String> k = new LinkedHashSet<>();
    page.questions().forEach(q -> k.add(q.id()));
    this.keys = Set.copyOf(k);
    Set<String> sens = new LinkedHashSet<>();
    page.questions().stream().filter(q -> q.type() == QuestionType.NATIONAL_INSURANCE_NUMBER
        || q.type() == QuestionType.FILE).forEach(q -> sens.add(q.id()));
    this.sensitive = Set.copyOf(sens);
  }

  @Override
  public String id() {
    return page.id();
  }

  @Override
  public Set<String> answerKeys() {
    return keys;
  }

  /**
   * The answers to redact from a handoff's context package: National Insurance numbers and
   * uploaded files' metadata.
   *
   * @return the answer keys
   */
  public Set<String> sensitiveAnswerKeys() {
    return sensitive;
  }

  /**
   * Whether the page need not be shown again: every question shown has an answer; a content page
   * (no questions) once the person has passed it, or when walking back to check your answers.
   */
  @Override
  public boolean isSatisfiedBy(Journey journey) {
    if (page.contentOnly()) {
      return journey.history().contains(page.id()) || journey.returnTo().isPresent()
          || hidden(journey);
    }
    return form.complete(page, journey, LocalDate.now(clock));
  }

  private boolean hidden(Journey journey) {
    return !form.shown(page, CompiledForm.context(journey, journey.values(), LocalDate.now(clock)));
  }

  @Override
  public boolean fits(String key, Answer answer) {
    return page.questions().stream().filter(q -> q.id().equals(key)).findFirst()
        .map(q -> AnswerFit.fits(q, answer.value())).orElse(false);
  }

  @Override
  public StepResult submit(StepSubmission s) {
    LocalDate today = LocalDate.ofInstant(s.now(), clock.getZone());
    Journey j = s.journey();
    CompiledForm.PageOutcome outcome = form.validate(page, j.values(), CompiledForm.attributes(j), s.input(),
        s.locale(), today);
    if (!outcome.errors().isEmpty()) {
      return new StepResult.Rejected(outcome.errors());
    }
    Map<String, Value> values = new HashMap<>(j.values());
    keys.forEach(values::remove);
    Map<String, Answer> answers = new LinkedHashMap<>();
    outcome.valid().forEach((id, v) -> {
      Answer a = v.value().isPresent()
          ? new Answer(v.value().get(), v.display().isEmpty() ? Optional.empty() : Optional.of(v.display()),
              s.actor(), false)
          : new Answer(CompiledForm.NOT_PROVIDED, Optional.empty(), s.actor(), false);
      answers.put(id, a);
      values.put(id, a.value());
    });
    Set<String> cleared = new LinkedHashSet<>(outcome.hidden());
    cleared.addAll(form.stale(j, values, keys, today));
    return new StepResult.Accepted(answers, cleared, Optional.empty());
  }
}
