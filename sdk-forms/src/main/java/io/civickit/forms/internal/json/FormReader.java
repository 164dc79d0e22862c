package io.civickit.forms.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.core.Outcome;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionSyntaxException;
import io.civickit.forms.Content;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormFormatException;
import io.civickit.forms.FormRoute;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Page;
import io.civickit.forms.RepeatingSet;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.Section;
import io.civickit.forms.internal.lint.JsonPath;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.lint.LintProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON form format into a {@link Form}, collecting every structural problem with its
 * JSON path instead of stopping at the first, so that lint can report them all.
 */
// Over 500 lines and kept whole: the one reader of the form JSON format, a method per part of the
// format, all reporting errors by the same JSON path; one file keeps every field's rules together.
public final class FormReader {

  /** Ids of forms, pages, sections and ends. */
  public static final Pattern STEP_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  /** Ids of questions (answer keys, usable in conditions). */
  public static final Pattern QUESTION_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private static final Set<String> FORM_FIELDS = Set.of("$schema", "id", "version", "title", "messages", "sections",
      "pages", "routes", "ends", "languages", "optionLists");
  private static final Set<String> SECTION_FIELDS = Set.of("id", "title");
  private static final Set<String> PAGE_FIELDS = Set.of("id", "title", "section", "showIf", "questions", "content",
      "repeat");
  private static final Set<String> REPEAT_FIELDS = Set.of("itemName", "itemsName", "minItems", "maxItems", "pages");
  private static final Set<String> CONTENT_FIELDS = Set.of("type", "text", "summary", "showIf");
  private static final Set<String> QUESTION_FIELDS = Set.of("id", "type", "label", "hint", "errorNoun", "required",
      "showIf", "maxLength", "min", "max", "options", "dateRule", "earliestDate", "latestDate", "autocomplete",
      "maxFileBytes", "fileTypes", "items", "minItems", "maxItems", "errorSubject", "messages", "optionList", "minLength", "pattern", "prefix", "suffix", "maxWords",
      "accessibleAutocomplete");
  private static final Set<String> OPTION_FIELDS = Set.of("value", "label", "hint", "exclusive", "dividerBefore",
      "reveals");
  private static final Set<String> ROUTE_FIELDS = Set.of("from", "condition", "to");
  private static final Set<String> END_FIELDS = Set.of("id", "title", "body", "outcome");
  private static final Set<String> TEXT_FIELDS = Set.of("en", "cy");

  /** What reading found: the form, when there were no problems, and the problems. */
  public record Result(Optional<Form> form, List<LintProblem> problems) {
    /** Copies the list. */
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private final List<LintProblem> problems = new ArrayList<>();
  /** Whether the form declares Welsh, so that every text needs it. */
  private boolean welsh = true;
  /** The form's shared option lists, by name. */
  private final Map<String, List<Option>> optionLists = new java.util.HashMap<>();

  private FormReader() {}

  /**
   * Reads a form.
   *
   * @param root the parsed JSON
   * @return the form
   * @throws FormFormatException listing every problem
   */
  public static Form read(JsonNode root) {
    Result r = readAll(root);
    if (r.form().isEmpty()) {
      throw new FormFormatException(r.problems());
    }
    return r.form().get();
  }

  /**
   * Reads a form, collecting problems.
   *
   * @param root the parsed JSON
   * @return the form (empty when there were problems) and the problems
   */
  public static Result readAll(JsonNode root) {
    FormReader reader = new FormReader();
    Form form = reader.form(root, JsonPath.root());
    if (!reader.problems.isEmpty() || form == null) {
      if (reader.problems.isEmpty()) {
        reader.problem(JsonPath.root(), "not a form");
      }
      return new Result(Optional.empty(), reader.problems);
    }
    return new Result(Optional.of(form), List.of());
  }

  // ---- form ----------------------------------------------------------------------------------

  private @Nullable Form form(JsonNode n, JsonPath p) {
    if (!object(n, p, FORM_FIELDS)) {
      return null;
    }
    String id = id(n, p, STEP_ID);
    Integer version = integer(n, p, "version", true, 1, Integer.MAX_VALUE);
    List<String> languages = languages(n, p);
    welsh = languages.contains("cy");
    LocalisedText title = localised(n, p, "title", true);
    Map<String, LocalisedText> messages = messages(n, p);
    optionLists(n, p);
    List<Section> sections = new ArrayList<>();
    forEach(n, p, "sections", false, Form.MAX_PARTS, (e, ep) -> add(sections, section(e, ep)));
    List<Page> pages = new ArrayList<>();
    forEach(n, p, "pages", true, Form.MAX_PAGES, (e, ep) -> add(pages, page(e, ep)));
    List<FormRoute> routes = new ArrayList<>();
    forEach(n, p, "routes", false, Form.MAX_PARTS, (e, ep) -> add(routes, route(e, ep)));
    List<FormEnd> ends = new ArrayList<>();
    forEach(n, p, "ends", true, Form.MAX_PARTS, (e, ep) -> add(ends, end(e, ep)));
    if (!problems.isEmpty()) {
      return null;
    }
    crossCheck(sections, pages, routes, ends);
    if (!problems.isEmpty() || id == null || version == null || title == null) {
      return null;
    }
    try {
      return new Form(id, version, title, sections, pages, routes, ends, messages, languages);
    } catch (IllegalArgumentException e) {
      problem(p, e.getMessage());
      return null;
    }
  }

  private List<String> languages(JsonNode n, JsonPath p) {
    JsonNode v = n.get("languages");
    if (v == null || v.isNull()) {
      return Form.DEFAULT_LANGUAGES;
    }
    JsonPath lp = p.field("languages");
    List<String> out = new ArrayList<>();
    forEach(n, p, "languages", false, 10, (e, ep) -> add(out, string(e, ep)));
    if (out.isEmpty() || !"en".equals(out.get(0)) || new HashSet<>(out).size() != out.size()
        || !Form.KNOWN_LANGUAGES.containsAll(out)) {
      problem(lp, "languages must be [\"en\"] or [\"en\", \"cy\"] but found " + out);
      return List.of("en"); // no more problems for Welsh the form may not have meant to declare
    }
    return List.copyOf(out);
  }

  private Map<String, LocalisedText> messages(JsonNode n, JsonPath p) {
    Map<String, LocalisedText> out = new java.util.LinkedHashMap<>();
    JsonNode m = n.get("messages");
    if (m == null || m.isNull()) {
      return out;
    }
    JsonPath mp = p.field("messages");
    if (!m.isObject()) {
      problem(mp, "expected an object of message keys to texts but found " + describe(m));
      return out;
    }
    Set<String> known = Messages.keys();
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (!known.contains(e.getKey())) {
        problem(mp.field(e.getKey()), "unknown message key '" + e.getKey() + "'; the keys are "
            + String.join(", ", known));
        continue;
      }
      LocalisedText t = localised(m, mp, e.getKey(), true);
      if (t != null) {
        out.put(e.getKey(), t);
      }
    }
    return out;
  }

  private void crossCheck(List<Section> sections, List<Page> pages, List<FormRoute> routes, List<FormEnd> ends) {
    JsonPath root = JsonPath.root();
    Set<String> sectionIds = new HashSet<>();
    for (int i = 0; i < sections.size(); i++) {
      if (!sectionIds.add(sections.get(i).id())) {
        problem(root.field("sections").index(i).field("id"), "section id '" + sections.get(i).id() + "' is used twice");
      }
    }
    Set<String> stepIds = new HashSet<>();
    stepIds.add(Form.CHECK_ANSWERS);
    Set<String> pageIds = new HashSet<>();
    Map<String, String> questionIds = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      Page pg = pages.get(i);
      JsonPath pp = root.field("pages").index(i);
      if (!stepIds.add(pg.id())) {
        problem(pp.field("id"), pg.id().equals(Form.CHECK_ANSWERS)
            ? "page id '" + Form.CHECK_ANSWERS + "' is reserved for check your answers"
            : "page id '" + pg.id() + "' is used twice");
      }
      pageIds.add(pg.id());
      if (pg.section().isPresent() && !sectionIds.contains(pg.section().get())) {
        problem(pp.field("section"), "no section has id '" + pg.section().get() + "'");
      }
      for (int j = 0; j < pg.questions().size(); j++) {
        String qid = pg.questions().get(j).id();
        String before = questionIds.putIfAbsent(qid, pg.id());
        if (before != null) {
          problem(pp.field("questions").index(j).field("id"), "question id '" + qid + "' is already used on page '"
              + before + "'");
        }
      }
    }
    for (int i = 0; i < ends.size(); i++) {
      if (!stepIds.add(ends.get(i).id())) {
        problem(root.field("ends").index(i).field("id"), "end id '" + ends.get(i).id()
            + "' is already used by a page or end");
      }
    }
    for (int k = 0; k < routes.size(); k++) {
      FormRoute r = routes.get(k);
      JsonPath rp = root.field("routes").index(k);
      if (!pageIds.contains(r.from())) {
        problem(rp.field("from"), "no page has id '" + r.from() + "'");
      }
      if (!stepIds.contains(r.to())) {
        problem(rp.field("to"), "no page or end has id '" + r.to() + "'");
      }
    }
    if (!ends.isEmpty() && ends.stream().noneMatch(e -> e.outcome() == Outcome.SUCCESS)) {
      problem(root.field("ends"), "no end has outcome 'success' (the confirmation page)");
    }
  }

  private @Nullable Section section(JsonNode n, JsonPath p) {
    if (!object(n, p, SECTION_FIELDS)) {
      return null;
    }
    String id = id(n, p, STEP_ID);
    LocalisedText title = localised(n, p, "title", true);
    return id == null || title == null ? null : build(p, () -> new Section(id, title));
  }

  private @Nullable Page page(JsonNode n, JsonPath p) {
    if (!object(n, p, PAGE_FIELDS)) {
      return null;
    }
    int before = problems.size();
    String id = id(n, p, STEP_ID);
    LocalisedText title = localised(n, p, "title", false);
    String section = text(n, p, "section", false);
    String showIf = condition(n, p, "showIf", false);
    List<Content> content = new ArrayList<>();
    forEach(n, p, "content", false, Page.MAX_CONTENT, (e, ep) -> add(content, content(e, ep)));
    boolean hasContent = n.get("content") != null && !n.get("content").isNull();
    boolean hasRepeat = n.get("repeat") != null && !n.get("repeat").isNull();
    RepeatingSet repeat = hasRepeat ? repeat(n.get("repeat"), p.field("repeat")) : null;
    List<Question> questions = new ArrayList<>();
    forEach(n, p, "questions", !hasContent && !hasRepeat, Page.MAX_QUESTIONS,
        (e, ep) -> add(questions, question(e, ep, false)));
    if (problems.size() > before || id == null) {
      return null;
    }
    return build(p, () -> new Page(id, Optional.ofNullable(title), Optional.ofNullable(section), questions,
        Optional.ofNullable(showIf), content, Optional.ofNullable(repeat)));
  }

  /** A page's repeating set: its item names, limits and pages (read as pages are). */
  private @Nullable RepeatingSet repeat(JsonNode n, JsonPath p) {
    if (!object(n, p, REPEAT_FIELDS)) {
      return null;
    }
    int before = problems.size();
    LocalisedText itemName = localised(n, p, "itemName", true);
    LocalisedText itemsName = localised(n, p, "itemsName", true);
    Integer min = integer(n, p, "minItems", false, 0, RepeatingSet.MAX_ITEMS);
    Integer max = integer(n, p, "maxItems", false, 1, RepeatingSet.MAX_ITEMS);
    List<Page> pages = new ArrayList<>();
    forEach(n, p, "pages", true, RepeatingSet.MAX_PAGES, (e, ep) -> add(pages, page(e, ep)));
    if (problems.size() > before || itemName == null || itemsName == null) {
      return null;
    }
    return build(p, () -> new RepeatingSet(itemName, itemsName, pages, min == null ? 0 : min, max == null ? 10 : max));
  }

  private @Nullable Content content(JsonNode n, JsonPath p) {
    if (!object(n, p, CONTENT_FIELDS)) {
      return null;
    }
    int before = problems.size();
    String typeName = text(n, p, "type", true);
    Content.Kind kind = null;
    if (typeName != null) {
      try {
        kind = Content.Kind.fromJson(typeName);
      } catch (IllegalArgumentException e) {
        problem(p.field("type"), e.getMessage());
      }
    }
    LocalisedText text = localised(n, p, "text", true);
    LocalisedText summary = localised(n, p, "summary", kind == Content.Kind.DETAILS);
    String showIf = condition(n, p, "showIf", false);
    if (problems.size() > before || kind == null || text == null) {
      return null;
    }
    Content.Kind k = kind;
    return build(p, () -> new Content(k, Optional.ofNullable(summary), text, Optional.ofNullable(showIf)));
  }

  private @Nullable Question question(JsonNode n, JsonPath p, boolean inGroup) {
    if (!object(n, p, QUESTION_FIELDS)) {
      return null;
    }
    int before = problems.size();
    String id = id(n, p, QUESTION_ID);
    QuestionType type = null;
    String typeName = text(n, p, "type", true);
    if (typeName != null) {
      try {
        type = QuestionType.fromJson(typeName);
      } catch (IllegalArgumentException e) {
        problem(p.field("type"), "unknown question type '" + typeName + "'; expected one of "
            + Arrays.stream(QuestionType.values()).map(QuestionType::jsonName).collect(Collectors.joining(", ")));
      }
    }
    if (inGroup && type == QuestionType.REPEATING_GROUP) {
      problem(p.field("type"), "a repeating group cannot contain another repeating group");
    }
    LocalisedText label = localised(n, p, "label", true);
    LocalisedText hint = localised(n, p, "hint", false);
    LocalisedText errorNoun = localised(n, p, "errorNoun", true);
    LocalisedText errorSubject = localised(n, p, "errorSubject", false);
    LocalisedText prefix = localised(n, p, "prefix", false);
    LocalisedText suffix = localised(n, p, "suffix", false);
    Map<String, LocalisedText> ownMessages = messages(n, p);
    Boolean required = bool(n, p, "required");
    Boolean accessibleAutocomplete = bool(n, p, "accessibleAutocomplete");
    String showIf = condition(n, p, "showIf", false);
    Integer maxLength = integer(n, p, "maxLength", false, 1, 100_000);
    Integer minLength = integer(n, p, "minLength", false, 0, 100_000);
    Integer maxWords = integer(n, p, "maxWords", false, 1, 10_000);
    String pattern = text(n, p, "pattern", false);
    BigDecimal min = decimal(n, p, "min");
    BigDecimal max = decimal(n, p, "max");
    Question.DateRule dateRule = dateRule(n, p);
    LocalDate earliest = date(n, p, "earliestDate");
    LocalDate latest = date(n, p, "latestDate");
    String autocomplete = text(n, p, "autocomplete", false);
    Long maxFileBytes = n.has("maxFileBytes") ? longValue(n.get("maxFileBytes"), p.field("maxFileBytes")) : null;
    List<String> fileTypes = new ArrayList<>();
    forEach(n, p, "fileTypes", false, 50, (e, ep) -> add(fileTypes, string(e, ep)));
    Integer minItems = integer(n, p, "minItems", false, 0, 1000);
    Integer maxItems = integer(n, p, "maxItems", false, 1, 1000);
    List<Option> options = new ArrayList<>();
    forEach(n, p, "options", false, Form.MAX_OPTIONS, (e, ep) -> add(options, option(e, ep)));
    String listName = text(n, p, "optionList", false);
    if (listName != null) {
      List<Option> shared = optionLists.get(listName);
      if (shared == null) {
        problem(p.field("optionList"), "no option list is named '" + listName + "'; the form's optionLists are "
            + new java.util.TreeSet<>(optionLists.keySet()));
      } else if (n.has("options")) {
        problem(p.field("optionList"), "a question has options or an optionList, not both");
      } else {
        options.addAll(shared);
      }
    }
    List<Question> items = new ArrayList<>();
    if (!inGroup) {
      forEach(n, p, "items", false, Form.MAX_GROUP_QUESTIONS, (e, ep) -> add(items, question(e, ep, true)));
    } else if (n.has("items")) {
      problem(p.field("items"), "a question inside a repeating group cannot have items");
    }
    if (problems.size() > before || id == null || type == null || label == null || errorNoun == null) {
      return null;
    }
    Question.Builder b = Question.builder(id, type).label(label.en(), label.cy())
        .errorNoun(errorNoun.en(), errorNoun.cy());
    if (hint != null) {
      b.hint(hint.en(), hint.cy());
    }
    if (errorSubject != null) {
      b.errorSubject(errorSubject.en(), errorSubject.cy());
    }
    ownMessages.forEach((k, t) -> b.message(k, t.en(), t.cy()));
    if (maxWords != null) {
      b.maxWords(maxWords);
    }
    if (Boolean.TRUE.equals(accessibleAutocomplete)) {
      b.accessibleAutocomplete();
    }
    if (minLength != null) {
      b.minLength(minLength);
    }
    if (prefix != null) {
      b.prefix(prefix);
    }
    if (suffix != null) {
      b.suffix(suffix);
    }
    if (pattern != null) {
      LocalisedText m = ownMessages.get("pattern.invalid");
      if (m == null) {
        problem(p.field("pattern"), "a pattern needs the question's own message 'pattern.invalid' saying what the "
            + "answer must look like, such as \"Permit number must be 2 letters then 6 numbers, like AB123456\"");
        return null;
      }
      b.pattern(pattern, m.en(), m.cy());
    }
    if (required != null) {
      b.required(required);
    }
    if (showIf != null) {
      b.showIf(showIf);
    }
    if (maxLength != null) {
      b.maxLength(maxLength);
    }
    if (min != null) {
      b.min(min);
    }
    if (max != null) {
      b.max(max);
    }
    b.options(options);
    if (dateRule != null) {
      b.dateRule(dateRule);
    }
    if (earliest != null) {
      b.notBefore(earliest);
    }
    if (latest != null) {
      b.notAfter(latest);
    }
    if (autocomplete != null) {
      b.autocomplete(autocomplete);
    }
    if (maxFileBytes != null) {
      b.maxFileBytes(maxFileBytes);
    }
    fileTypes.forEach(b::fileType);
    items.forEach(b::item);
    if (minItems != null || maxItems != null) {
      Question defaults = Defaults.QUESTION;
      b.items(minItems != null ? minItems : defaults.minItems(), maxItems != null ? maxItems : defaults.maxItems());
    }
    return build(p, b::build);
  }

  private @Nullable Option option(JsonNode e, JsonPath ep) {
    if (!object(e, ep, OPTION_FIELDS)) {
      return null;
    }
    String value = text(e, ep, "value", true);
    LocalisedText l = localised(e, ep, "label", true);
    LocalisedText hint = localised(e, ep, "hint", false);
    Boolean exclusive = bool(e, ep, "exclusive");
    Boolean divider = bool(e, ep, "dividerBefore");
    List<String> reveals = new ArrayList<>();
    forEach(e, ep, "reveals", false, Page.MAX_QUESTIONS, (r, rp) -> {
      String target = r.isTextual() ? r.asText() : null;
      if (target == null || !QUESTION_ID.matcher(target).matches()) {
        problem(rp, "expected a question id but found " + describe(r));
      } else {
        reveals.add(target);
      }
    });
    if (value == null || l == null || value.isBlank()) {
      if (value != null && value.isBlank()) {
        problem(ep.field("value"), "option value must not be blank");
      }
      return null;
    }
    return build(ep, () -> new Option(value, l, Optional.ofNullable(hint), Boolean.TRUE.equals(exclusive),
        Boolean.TRUE.equals(divider), reveals));
  }

  private void optionLists(JsonNode n, JsonPath p) {
    JsonNode lists = n.get("optionLists");
    if (lists == null || lists.isNull()) {
      return;
    }
    JsonPath lp = p.field("optionLists");
    if (!lists.isObject()) {
      problem(lp, "expected an object of list names to options but found " + describe(lists));
      return;
    }
    for (Map.Entry<String, JsonNode> e : lists.properties()) {
      List<Option> options = new ArrayList<>();
      forEach(lists, lp, e.getKey(), true, Form.MAX_OPTIONS, (o, op) -> add(options, option(o, op)));
      optionLists.put(e.getKey(), List.copyOf(options));
    }
  }

  private Question.@Nullable DateRule dateRule(JsonNode n, JsonPath p) {
    String name = text(n, p, "dateRule", false);
    if (name == null) {
      return null;
    }
    for (Question.DateRule r : Question.DateRule.values()) {
      if (Defaults.jsonName(r).equals(name)) {
        return r;
      }
    }
    problem(p.field("dateRule"), "unknown date rule '" + name + "'; expected one of "
        + Arrays.stream(Question.DateRule.values()).map(Defaults::jsonName).collect(Collectors.joining(", ")));
    return null;
  }

  private @Nullable FormRoute route(JsonNode n, JsonPath p) {
    if (!object(n, p, ROUTE_FIELDS)) {
      return null;
    }
    String from = text(n, p, "from", true);
    String condition = condition(n, p, "condition", true);
    String to = text(n, p, "to", true);
    return from == null || condition == null || to == null ? null : build(p, () -> new FormRoute(from, condition, to));
  }

  private @Nullable FormEnd end(JsonNode n, JsonPath p) {
    if (!object(n, p, END_FIELDS)) {
      return null;
    }
    String id = id(n, p, STEP_ID);
    LocalisedText title = localised(n, p, "title", true);
    LocalisedText body = localised(n, p, "body", true);
    String outcomeName = text(n, p, "outcome", true);
    Outcome outcome = null;
    if (outcomeName != null) {
      for (Outcome o : Outcome.values()) {
        if (o.name().toLowerCase(Locale.ROOT).equals(outcomeName)) {
          outcome = o;
        }
      }
      if (outcome == null) {
        problem(p.field("outcome"), "unknown outcome '" + outcomeName + "'; expected one of "
            + Arrays.stream(Outcome.values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
      }
    }
    Outcome o = outcome;
    return id == null || title == null || body == null || o == null ? null
        : build(p, () -> new FormEnd(id, title, body, o));
  }

  // ---- values --------------------------------------------------------------------------------

  private interface Each {
    void accept(JsonNode element, JsonPath path);
  }

  private interface Make<T> {
    T make();
  }

  private <T> @Nullable T build(JsonPath p, Make<T> make) {
    try {
      return make.make();
    } catch (IllegalArgumentException | NullPointerException e) {
      problem(p, String.valueOf(e.getMessage()));
      return null;
    }
  }

  private static <T> void add(List<T> list, @Nullable T value) {
    if (value != null) {
      list.add(value);
    }
  }

  private void problem(JsonPath p, String message) {
    problems.add(new LintProblem(p.toString(), message));
  }

  private boolean object(JsonNode n, JsonPath p, Set<String> allowed) {
    if (!n.isObject()) {
      problem(p, "expected an object but found " + describe(n));
      return false;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        problem(p.field(name), "unknown field '" + name + "'; expected one of "
            + allowed.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
    return true;
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    } else if (n.isArray()) {
      return "a list";
    } else if (n.isTextual()) {
      return "text";
    } else if (n.isNumber()) {
      return "a number";
    } else if (n.isBoolean()) {
      return "true or false";
    } else if (n.isNull()) {
      return "null";
    }
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private @Nullable String id(JsonNode n, JsonPath p, Pattern pattern) {
    String id = text(n, p, "id", true);
    if (id != null && !pattern.matcher(id).matches()) {
      problem(p.field("id"), "id '" + id + "' must match " + pattern.pattern()
          + (pattern == QUESTION_ID ? " (question ids use underscores, so conditions can name them)"
              : " (lower-case letters, digits and hyphens)"));
      return null;
    }
    return id;
  }

  private @Nullable String text(JsonNode n, JsonPath p, String name, boolean required) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problem(p.field(name), "missing " + name);
      }
      return null;
    }
    return string(v, p.field(name));
  }

  private @Nullable String string(JsonNode v, JsonPath p) {
    if (!v.isTextual()) {
      problem(p, "expected text but found " + describe(v));
      return null;
    }
    if (v.textValue().isBlank()) {
      problem(p, "must not be blank");
      return null;
    }
    return v.textValue();
  }

  private @Nullable String condition(JsonNode n, JsonPath p, String name, boolean required) {
    String source = text(n, p, name, required);
    if (source == null) {
      return null;
    }
    try {
      Condition.parse(source);
      return source;
    } catch (ConditionSyntaxException e) {
      problem(p.field(name), "condition does not parse: " + e.getMessage());
      return null;
    }
  }

  private @Nullable LocalisedText localised(JsonNode n, JsonPath p, String name, boolean required) {
    JsonNode v = n.get(name);
    JsonPath vp = p.field(name);
    if (v == null || v.isNull()) {
      if (required) {
        problem(vp, "missing " + ("errorNoun".equals(name) ? "error noun (the words used in error messages, "
            + "such as \"your date of birth\")" : name));
      }
      return null;
    }
    if (!object(v, vp, TEXT_FIELDS)) {
      return null;
    }
    String en = language(v, vp, "en", "English");
    String cy = welsh || v.has("cy") ? language(v, vp, "cy", "Welsh") : "";
    if (en == null || cy == null) {
      return null;
    }
    if (en.length() > LocalisedText.MAX_LENGTH || cy.length() > LocalisedText.MAX_LENGTH) {
      problem(vp, "text is longer than " + LocalisedText.MAX_LENGTH + " characters");
      return null;
    }
    return LocalisedText.of(en, cy);
  }

  private @Nullable String language(JsonNode v, JsonPath p, String lang, String language) {
    JsonNode t = v.get(lang);
    if (t == null || t.isNull() || (t.isTextual() && t.textValue().isBlank())) {
      problem(p.field(lang), "missing " + language + " text");
      return null;
    }
    return string(t, p.field(lang));
  }

  private @Nullable LocalDate date(JsonNode n, JsonPath p, String name) {
    String text = text(n, p, name, false);
    if (text == null) {
      return null;
    }
    try {
      if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problem(p.field(name), "'" + text + "' is not a date written YYYY-MM-DD");
      return null;
    }
  }

  private @Nullable Boolean bool(JsonNode n, JsonPath p, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      problem(p.field(name), "expected true or false but found " + describe(v));
      return null;
    }
    return v.booleanValue();
  }

  private @Nullable Integer integer(JsonNode n, JsonPath p, String name, boolean required, int min, int max) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problem(p.field(name), "missing " + name);
      }
      return null;
    }
    Long l = longValue(v, p.field(name));
    if (l == null) {
      return null;
    }
    if (l < min || l > max) {
      problem(p.field(name), name + " " + l + " is not between " + min + " and " + max);
      return null;
    }
    return l.intValue();
  }

  private @Nullable Long longValue(JsonNode v, JsonPath p) {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      problem(p, "expected a whole number but found " + describe(v));
      return null;
    }
    return v.longValue();
  }

  private @Nullable BigDecimal decimal(JsonNode n, JsonPath p, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      problem(p.field(name), "expected a number but found " + describe(v));
      return null;
    }
    return v.decimalValue();
  }

  private void forEach(JsonNode n, JsonPath p, String name, boolean required, int max, Each each) {
    JsonNode v = n.get(name);
    JsonPath vp = p.field(name);
    if (v == null || v.isNull()) {
      if (required) {
        problem(vp, "missing " + name);
      }
      return;
    }
    if (!v.isArray()) {
      problem(vp, "expected a list but found " + describe(v));
      return;
    }
    if (v.size() > max) {
      problem(vp, "has " + v.size() + " entries; at most " + max);
      return;
    }
    if (required && v.isEmpty()) {
      problem(vp, "must not be empty");
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      each.accept(v.get(i), vp.index(i));
    }
  }
}
