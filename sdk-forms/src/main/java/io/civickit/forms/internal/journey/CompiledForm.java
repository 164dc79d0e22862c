package io.civickit.forms.internal.journey;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.forms.Form;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.address.AddressLookup;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A form with its conditions parsed once, and the rules every form step shares: which pages and
 * questions are shown, when a page is done, and which answers a change has made stale.
 */
public final class CompiledForm {

  /**
   * The value saved for an optional question the person left blank: an empty list. It records
   * that the question was asked (and who skipped it), and conditions read it as not answered.
   */
  public static final Value NOT_PROVIDED = Value.items(List.of());

  private final Form form;
  private final @Nullable AddressLookup lookup;
  private final Messages messages;
  private final Map<String, Condition> pageShowIf = new HashMap<>();
  private final Map<String, Condition> questionShowIf = new HashMap<>();
  private final Map<String, Page> pageOfQuestion = new HashMap<>();

  /**
   * Parses the form's conditions.
   *
   * @param form the form
   * @throws IllegalArgumentException if a show-if condition does not parse (naming it)
   */
  public CompiledForm(Form form) {
    this(form, null);
  }

  /**
   * Parses the form's conditions; UPRNs sent with address answers are kept when the lookup
   * confirms them.
   *
   * @param form the form
   * @param lookup the address lookup, or null to ignore UPRNs
   * @throws IllegalArgumentException if a show-if condition does not parse (naming it)
   */
  public CompiledForm(Form form, @Nullable AddressLookup lookup) {
    this.form = form;
    this.lookup = lookup;
    Map<String, String> en = new LinkedHashMap<>();
    Map<String, String> cy = new LinkedHashMap<>();
    form.messages().forEach((k, t) -> {
      en.put(k, t.en());
      cy.put(k, t.cy());
    });
    this.messages = form.messages().isEmpty() ? Messages.defaults()
        : Messages.defaults().with(Locale.UK, en).with(Locale.forLanguageTag("cy"), cy);
    for (Page p : form.pages()) {
      p.showIf().ifPresent(c -> pageShowIf.put(p.id(), parse(c, "page '" + p.id() + "'")));
      for (int i = 0; i < p.content().size(); i++) {
        int n = i + 1;
        p.content().get(i).showIf().ifPresent(c -> parse(c, "page '" + p.id() + "' content " + n));
      }
      for (Question q : p.questions()) {
        pageOfQuestion.put(q.id(), p);
        Optional<String> reveal = p.revealedBy(q.id()).map(e -> revealCondition(e.getKey(), e.getValue()));
        Optional<String> own = q.showIf().map(c -> reveal.isPresent() ? "(" + c + ") and " + reveal.get() : c);
        own.or(() -> reveal).ifPresent(c -> questionShowIf.put(q.id(), parse(c, "question '" + q.id() + "'")));
      }
    }
  }

  /**
   * The condition under which a revealed question is asked: its option is the answer (radios,
   * yes/no) or among the answers (checkboxes).
   */
  static String revealCondition(Question parent, io.civickit.forms.Option option) {
    String path = "answers." + parent.id();
    if (parent.type() == QuestionType.YES_NO) {
      return path + " = " + ("yes".equals(option.value()));
    }
    String literal = "'" + option.value().replace("\\", "\\\\").replace("'", "\\'") + "'";
    return path + (parent.type() == QuestionType.CHECKBOXES ? " contains " : " = ") + literal;
  }

  private static Condition parse(String source, String where) {
    try {
      return Condition.parse(source);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the show-if condition of " + where + " does not parse: " + e.getMessage(), e);
    }
  }

  /** @return the messages validation uses: the built-in ones with the form's own */
  public Messages messages() {
    return messages;
  }

  /** @return the form */
  public Form form() {
    return form;
  }

  /**
   * The condition context the engine would build for a journey, over the given answer values.
   *
   * @param journey the journey (attributes, channel, segment, status)
   * @param values the answer values to use
   * @param today today's date
   * @return the context
   */
  public static ConditionContext context(Journey journey, Map<String, Value> values, LocalDate today) {
    return ConditionContext.of(values, attributes(journey), today);
  }

  /**
   * The attributes conditions see for a journey: the host app's, plus channel, segment,
   * assurance and status, as the engine adds them.
   *
   * @param journey the journey
   * @return the attributes
   */
  public static Map<String, Value> attributes(Journey journey) {
    Map<String, Value> attributes = new LinkedHashMap<>(journey.attributes());
    attributes.put("channel", Value.text(journey.channel().name()));
    journey.segment().ifPresent(s -> attributes.put("segment", Value.text(s)));
    attributes.put("assurance", Value.text(journey.assuranceLevel()));
    attributes.put("status", Value.text(journey.status().name()));
    return attributes;
  }

  /**
   * What one page's input comes to.
   *
   * @param errors the first error of each question in error, in page order
   * @param valid the valid results by question id, in page order (value empty when left blank)
   * @param hidden the ids of questions hidden by their show-if (not validated)
   */
  public record PageOutcome(List<FieldError> errors, Map<String, ValidationResult.Valid> valid, Set<String> hidden) {}

  /**
   * Validates a page's input: questions in order, each shown or not by its show-if read against
   * the other answers and the answers given earlier on the page.
   *
   * @param page the page
   * @param otherAnswers answers to other questions (this page's are ignored)
   * @param attributes journey attributes for conditions
   * @param input the submitted fields
   * @param locale the language of messages
   * @param today today's date
   * @return the outcome
   */
  public PageOutcome validate(Page page, Map<String, Value> otherAnswers, Map<String, Value> attributes,
      Map<String, List<String>> input, Locale locale, LocalDate today) {
    Map<String, Value> values = new HashMap<>(otherAnswers);
    page.questions().forEach(q -> values.remove(q.id()));
    List<FieldError> errors = new ArrayList<>();
    Map<String, ValidationResult.Valid> valid = new LinkedHashMap<>();
    Set<String> hidden = new LinkedHashSet<>();
    ConditionContext context = null; // built when a show-if needs it, again after the answers change
    for (Question q : page.questions()) {
      Condition showIf = questionShowIf.get(q.id());
      if (showIf != null && context == null) {
        context = ConditionContext.of(values, attributes, today);
      }
      if (showIf != null && !showIf.test(context)) {
        hidden.add(q.id());
        continue;
      }
      ValidationResult r = Validation.validate(q, input, locale, today, messages);
      if (r instanceof ValidationResult.Invalid invalid) {
        errors.addAll(invalid.errors());
        continue;
      }
      ValidationResult.Valid v = (ValidationResult.Valid) r;
      if (q.type() == QuestionType.ADDRESS) {
        v = withUprn(q, v, input);
      }
      valid.put(q.id(), v);
      values.put(q.id(), v.value().orElse(NOT_PROVIDED));
      context = null;
    }
    return new PageOutcome(List.copyOf(errors), java.util.Collections.unmodifiableMap(valid), Set.copyOf(hidden));
  }

  /**
   * Keeps the UPRN sent with an address chosen from a lookup only when the lookup confirms it for
   * the address's postcode; otherwise (no lookup, a typed address, a forged UPRN) the saved
   * address has no UPRN.
   */
  private ValidationResult.Valid withUprn(Question q, ValidationResult.Valid v, Map<String, List<String>> input) {
    if (!(v.value().orElse(null) instanceof Value.Fields f)) {
      return v;
    }
    Map<String, Value> parts = new LinkedHashMap<>(f.values());
    parts.remove("uprn");
    List<String> sent = input.get(q.id() + "-uprn");
    String uprn = sent == null || sent.isEmpty() || sent.get(0) == null ? "" : sent.get(0).strip();
    Value postcode = parts.get("postcode");
    if (lookup != null && uprn.matches("[0-9]{1,12}") && postcode instanceof Value.Text pc) {
      boolean confirmed;
      try {
        confirmed = lookup.find(pc.value()).stream().anyMatch(a -> a.uprn().equals(uprn));
      } catch (RuntimeException e) {
        confirmed = false;
      }
      if (confirmed) {
        parts.put("uprn", Value.text(uprn));
      }
    }
    return parts.equals(f.values()) ? v : new ValidationResult.Valid(Optional.of(Value.fields(parts)), v.display());
  }

  /**
   * @param page a page of the form
   * @param ctx the context
   * @return whether the page's show-if holds (true without one)
   */
  public boolean shown(Page page, ConditionContext ctx) {
    Condition c = pageShowIf.get(page.id());
    return c == null || c.test(ctx);
  }

  /**
   * @param q a question of the form
   * @param ctx the context
   * @return whether the question's show-if holds (true without one); its page's is not tested
   */
  public boolean shown(Question q, ConditionContext ctx) {
    Condition c = questionShowIf.get(q.id());
    return c == null || c.test(ctx);
  }

  /**
   * @param questionId a question id
   * @return the page asking it
   */
  public Optional<Page> pageOf(String questionId) {
    return Optional.ofNullable(pageOfQuestion.get(questionId));
  }

  /**
   * Whether the journey's answers complete a page: every question shown has an answer the
   * person (or an adviser) gave or confirmed. Pre-filled answers not yet confirmed on the page
   * do not count, so the person sees them. A page hidden by its show-if is complete.
   *
   * @param page the page
   * @param journey the journey
   * @param today today's date
   * @return whether the page need not be asked again
   */
  public boolean complete(Page page, Journey journey, LocalDate today) {
    ConditionContext ctx = context(journey, journey.values(), today);
    if (!shown(page, ctx)) {
      return true;
    }
    for (Question q : page.questions()) {
      if (!shown(q, ctx)) {
        continue;
      }
      Answer a = journey.answers().get(q.id());
      if (a == null || a.prefilled()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The answered questions that are now hidden, by their own show-if or their page's, once
   * {@code values} are the answers: applied until nothing more changes, since dropping one
   * answer can hide another question.
   *
   * @param journey the journey
   * @param values the answer values after a submission (changed in place: stale ones removed)
   * @param except question ids not to consider (those of the page just submitted)
   * @param today today's date
   * @return the keys to clear
   */
  public Set<String> stale(Journey journey, Map<String, Value> values, Set<String> except, LocalDate today) {
    Set<String> out = new LinkedHashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      ConditionContext ctx = context(journey, values, today);
      for (Page p : form.pages()) {
        boolean pageShown = shown(p, ctx);
        for (Question q : p.questions()) {
          if (except.contains(q.id()) || !values.containsKey(q.id())) {
            continue;
          }
          if (!pageShown || !shown(q, ctx)) {
            out.add(q.id());
            values.remove(q.id());
            changed = true;
          }
        }
      }
    }
    return out;
  }
}
