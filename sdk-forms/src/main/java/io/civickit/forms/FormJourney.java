package io.civickit.forms;

import io.civickit.core.JourneyDefinition;
import io.civickit.core.Outcome;
import io.civickit.core.Step;
import io.civickit.forms.address.AddressLookup;
import io.civickit.forms.internal.journey.CheckAnswersStep;
import io.civickit.forms.internal.journey.CompiledForm;
import io.civickit.forms.internal.journey.EndStep;
import io.civickit.forms.internal.journey.PageStep;
import io.civickit.forms.internal.journey.RepeatingSetStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link Form} into a {@link JourneyDefinition} run by the core {@code Journeys} engine.
 *
 * <p>Steps: the form's pages in order, then {@link Form#CHECK_ANSWERS}, then the ends. Each
 * {@link FormRoute} becomes a conditional route, tried in the order written; without one that
 * holds, a page goes to the next page. A page whose show-if does not hold is never landed on:
 * every way into it continues to the first page after it that is shown. A question whose
 * show-if does not hold is not asked, not validated, and its old answer is dropped; so are the
 * answers on pages an answer has hidden. An optional question left blank is saved as
 * {@link #NOT_PROVIDED}, so the journey records that it was asked and who skipped it.
 *
 * <pre>{@code
 * Form form = Forms.read(Path.of("forms/garden-waste-permit.json"));
 * Journeys journeys = Journeys.builder().definition(FormJourney.definition(form, clock))
 *     .store(ProgressStore.inMemory()).clock(clock).build();
 * }</pre>
 */
public final class FormJourney {

  /**
   * The value saved for an optional question left blank: an empty list. Conditions read it as
   * not answered; check your answers shows "Not provided".
   */
  public static final io.civickit.core.Value NOT_PROVIDED = CompiledForm.NOT_PROVIDED;

  private FormJourney() {}

  /** The clock used unless one is given: the system clock in UK time, for "today" in date rules. */
  static Clock defaultClock() {
    return Clock.system(java.time.ZoneId.of("Europe/London"));
  }

  /**
   * Builds the journey definition, with "today" taken from the system clock in UK time.
   *
   * @param form the form
   * @return the definition, with the form's id and version
   * @throws IllegalArgumentException if a condition does not parse (the message names it)
   */
  public static JourneyDefinition definition(Form form) {
    return definition(form, defaultClock());
  }

  /**
   * Builds the journey definition.
   *
   * @param form the form
   * @param clock the clock whose time zone gives "today" for date rules and conditions; use
   *     the engine's clock
   * @return the definition, with the form's id and version
   * @throws IllegalArgumentException if a condition does not parse (the message names it)
   */
  public static JourneyDefinition definition(Form form, Clock clock) {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(clock, "clock");
    return build(form, clock, new CompiledForm(form), List.of());
  }

  /**
   * Builds the journey definition for a form whose address questions are answered through an
   * {@link AddressLookup}: when the person picks a found address, the page is submitted with its
   * {@link io.civickit.forms.address.Address#toInput(String) fields and UPRN}, and the UPRN is
   * saved with the address (part {@code uprn}) only if the lookup confirms it for that postcode.
   * Addresses typed by hand have no UPRN.
   *
   * @param form the form
   * @param clock the engine's clock
   * @param lookup the address lookup
   * @return the definition
   * @throws IllegalArgumentException if a condition does not parse
   * @deprecated use {@code builder(form).clock(clock).addressLookup(lookup).build()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static JourneyDefinition definition(Form form, Clock clock, AddressLookup lookup) {
    return builder(form).clock(clock).addressLookup(lookup).build();
  }

  /**
   * Starts a builder, for an address lookup or steps of the host app's own after check your
   * answers (an identity check, a payment).
   *
   * <pre>{@code
   * JourneyDefinition def = FormJourney.builder(form).clock(clock)
   *     .addressLookup(gazetteer)
   *     .afterCheckAnswers(emailPasscodeStep)   // check answers -> passcode -> confirmation
   *     .build();
   * }</pre>
   *
   * @param form the form
   * @return the builder, with the system clock in UK time until {@link Builder#clock} says otherwise
   */
  public static Builder builder(Form form) {
    return new Builder(form, defaultClock());
  }

  /**
   * Starts a builder with a clock.
   *
   * @param form the form
   * @param clock the engine's clock
   * @return the builder
   * @deprecated use {@code builder(form).clock(clock)}: the clock is an optional setting everywhere
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static Builder builder(Form form, Clock clock) {
    return new Builder(form, clock);
  }

  /** Builds a {@link JourneyDefinition} from a form, with extras. */
  public static final class Builder {
    private final Form form;
    private Clock clock;
    private AddressLookup lookup;
    private final List<Step> after = new ArrayList<>();

    private Builder(Form form, Clock clock) {
      this.form = Objects.requireNonNull(form, "form");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The clock whose time zone gives "today" for date rules and conditions (the system clock in
     * UK time unless set): give the engine's clock, so tests can move both.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Keeps the UPRN of addresses chosen from this lookup (see
     * {@link FormJourney#definition(Form, Clock)}).
     *
     * @param lookup the lookup
     * @return this
     * @throws IllegalStateException if set twice
     */
    public Builder addressLookup(AddressLookup lookup) {
      if (this.lookup != null) {
        throw new IllegalStateException("the address lookup was already set");
      }
      this.lookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * Adds a step between check your answers and the confirmation (the first {@code success}
     * end); several run in the order added. Its id must not be a page's or an end's.
     *
     * @param step the step
     * @return this
     */
    public Builder afterCheckAnswers(Step step) {
      after.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Builds the journey definition for the form.
     *
     * @return the definition, with the form's id and version
     * @throws IllegalArgumentException if a condition does not parse or a step id is taken
     */
    public JourneyDefinition build() {
      return FormJourney.build(form, clock, new CompiledForm(form, lookup), after);
    }
  }

  private static JourneyDefinition build(Form form, Clock clock, CompiledForm compiled, List<Step> after) {
    JourneyDefinition.Builder b = JourneyDefinition.builder(form.id(), form.version());
    List<Page> pages = form.pages();
    for (Page p : pages) {
      b.step(p.repeat().isPresent() ? new RepeatingSetStep(compiled, p, clock) : new PageStep(compiled, p, clock));
    }
    b.step(new CheckAnswersStep());
    for (Step extra : after) {
      b.step(extra);
    }
    for (FormEnd e : form.ends()) {
      b.step(new EndStep(e));
      b.end(e.id(), e.outcome());
    }
    for (int i = 0; i < pages.size(); i++) {
      String from = pages.get(i).id();
      for (FormRoute r : form.routes()) {
        if (r.from().equals(from)) {
          for (String[] alt : arrivals(form, r.to())) {
            b.route(from, alt[0] == null ? r.condition() : "(" + r.condition() + ") and " + alt[0], alt[1]);
          }
        }
      }
      String next = after(pages, i);
      for (String[] alt : arrivals(form, next)) {
        if (alt[0] != null) {
          b.route(from, alt[0], alt[1]);
        }
      }
      b.next(from, next);
    }
    String success = form.ends().stream().filter(e -> e.outcome() == Outcome.SUCCESS).findFirst()
        .orElseThrow().id();
    String previous = Form.CHECK_ANSWERS;
    for (Step extra : after) {
      b.next(previous, extra.id());
      previous = extra.id();
    }
    b.next(previous, success);
    return b.build();
  }

  private static String after(List<Page> pages, int i) {
    return i + 1 < pages.size() ? pages.get(i + 1).id() : Form.CHECK_ANSWERS;
  }

  /**
   * Where going to {@code target} really lands: when it is a page with a show-if, the first page
   * from it that is shown. Returns {condition, step} pairs, longest skip first, the last one
   * with a null condition (go to {@code target} itself).
   */
  private static List<String[]> arrivals(Form form, String target) {
    List<Page> pages = form.pages();
    int j = -1;
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).id().equals(target)) {
        j = i;
      }
    }
    List<String[]> out = new ArrayList<>();
    if (j >= 0) {
      int m = j;
      while (m < pages.size() && pages.get(m).showIf().isPresent()) {
        m++;
      }
      // pages j..m-1 all have a show-if: skipping j..k lands after k
      for (int k = m - 1; k >= j; k--) {
        StringBuilder cond = new StringBuilder();
        for (int l = j; l <= k; l++) {
          if (cond.length() > 0) {
            cond.append(" and ");
          }
          cond.append("not (").append(pages.get(l).showIf().get()).append(")");
        }
        out.add(new String[] {cond.toString(), after(pages, k)});
      }
    }
    out.add(new String[] {null, target});
    return out;
  }
}
