package io.civickit.forms.internal.journey;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.forms.Page;
import io.civickit.forms.RepeatingItems;
import io.civickit.forms.RepeatingSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A repeating set as one journey step: its input is the set's draft (see {@link RepeatingItems}),
 * submitted when the person says they need not add another; its answer, under the page's id, is
 * {@code Value.items} of one {@code Value.Fields} per item.
 */
public final class RepeatingSetStep implements Step {
  private final CompiledForm form;
  private final Page page;
  private final RepeatingSet set;
  private final Clock clock;

  /**
   * @param form the compiled form
   * @param page the page holding the set
   * @param clock clock whose zone gives "today"
   */
  public RepeatingSetStep(CompiledForm form, Page page, Clock clock) {
    this.form = form;
    this.page = page;
    this.set = page.repeat().orElseThrow(() -> new IllegalArgumentException("page '" + page.id()
        + "' has no repeating set"));
    this.clock = clock;
  }

  @Override
  public String id() {
    return page.id();
  }

  @Override
  public Set<String> answerKeys() {
    return Set.of(page.id());
  }

  @Override
  public boolean isSatisfiedBy(Journey journey) {
    if (!form.shown(page, CompiledForm.context(journey, journey.values(), LocalDate.now(clock)))) {
      return true;
    }
    Answer a = journey.answers().get(page.id());
    return a != null && !a.prefilled();
  }

  @Override
  public boolean fits(String key, Answer answer) {
    return key.equals(page.id()) && answer.value() instanceof Value.Items items
        && items.values().size() <= set.maxItems()
        && items.values().stream().allMatch(v -> v instanceof Value.Fields);
  }

  @Override
  public StepResult submit(StepSubmission s) {
    LocalDate today = LocalDate.ofInstant(s.now(), clock.getZone());
    Journey j = s.journey();
    Map<String, List<String>> draft = new HashMap<>(s.input());
    draft.remove(RepeatingItems.ADD_ANOTHER);
    List<RepeatingItems.Item> items = RepeatingItems.checkAll(set, j, draft, s.locale(), today, form.messages());
    List<FieldError> errors = new ArrayList<>();
    for (RepeatingItems.Item item : items) {
      if (!item.complete()) {
        String where = item.nextPage().orElse(page.id());
        item.errors().getOrDefault(where, List.of()).forEach(e ->
            errors.add(new FieldError(item.index() + "/" + e.field(), e.message())));
        if (errors.isEmpty()) {
          errors.add(new FieldError(item.index() + "/@" + where,
              ListTexts.t("error.min.one", set, s.locale(), 1, "")));
        }
        return new StepResult.Rejected(errors);
      }
    }
    if (items.size() < set.minItems()) {
      return new StepResult.Rejected(List.of(new FieldError(RepeatingItems.ADD_ANOTHER,
          ListTexts.t(set.minItems() == 1 ? "error.min.one" : "error.min", set, s.locale(), set.minItems(), ""))));
    }
    if (items.size() > set.maxItems()) {
      return new StepResult.Rejected(List.of(new FieldError(RepeatingItems.ADD_ANOTHER,
          ListTexts.t("error.max", set, s.locale(), set.maxItems(), ""))));
    }
    Value answer = Value.items(items.stream().map(RepeatingItems.Item::value).toList());
    Map<String, Value> values = new HashMap<>(j.values());
    values.put(page.id(), answer);
    Set<String> cleared = new LinkedHashSet<>(form.stale(j, values, Set.of(page.id()), today));
    return new StepResult.Accepted(Map.of(page.id(), new Answer(answer, Optional.empty(), s.actor(), false)), cleared,
        Optional.empty());
  }
}
