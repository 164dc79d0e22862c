package io.civickit.forms.internal.lint;

import io.civickit.core.Outcome;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.core.condition.ConditionSyntaxException;
import io.civickit.core.condition.Operand;
import io.civickit.forms.Content;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormRoute;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.RepeatingSet;
import io.civickit.forms.QuestionType;
import io.civickit.forms.Section;
import io.civickit.forms.internal.lint.ConditionTypes.Kind;
import io.civickit.forms.lint.LintProblem;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The lint rules over the form model. */
// Over 500 lines and kept whole: one walk over a form's model with three sections (the questions
// and pages, the conditions, reachability) that share the model's indexes; each rule is a short
// method, and the rules are listed together so an author's problem list reads in one order.
public final class ModelLint {
  /** Fewer options than this are better as radios than as an autocomplete. */
  private static final int SHORT_LIST = 10;
  /** More options than this in a plain select: lint suggests the accessible autocomplete. */
  private static final int LONG_LIST = 30;


  /** Words of the condition language: a question with one of these ids cannot be named plainly. */
  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "answered", "contains", "today",
      "true", "false", "days", "day", "weeks", "week", "months", "month", "years", "year", "journey", "answers");

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)\\s*(todo|tbc|tbd|x{2,}|-+|\\?+|welsh|cymraeg|translation|cyfieithiad)\\s*|.*\\bTODO\\b.*");

  private static final Map<QuestionType, Map<String, Kind>> PARTS = Map.of(
      QuestionType.FIRST_AND_LAST_NAME, Map.of("first", Kind.TEXT, "last", Kind.TEXT),
      QuestionType.ADDRESS, Map.of("line1", Kind.TEXT, "line2", Kind.TEXT, "town", Kind.TEXT, "postcode", Kind.TEXT,
          "uprn", Kind.TEXT),
      QuestionType.FILE, Map.of("name", Kind.TEXT, "size", Kind.NUMBER, "type", Kind.TEXT),
      QuestionType.PHONE, Map.of("number", Kind.TEXT, "extension", Kind.TEXT),
      QuestionType.INTERNATIONAL_ADDRESS, Map.of("line1", Kind.TEXT, "line2", Kind.TEXT, "line3", Kind.TEXT,
          "town", Kind.TEXT, "region", Kind.TEXT, "postcode", Kind.TEXT, "country", Kind.TEXT));

  /** Where a condition is evaluated: questions before this point are answered. */
  private record Position(int page, int question) {
    boolean after(int otherPage, int otherQuestion) {
      return otherPage < page || (otherPage == page && otherQuestion < question);
    }
  }

  private final Form form;
  private final List<LintProblem> out = new ArrayList<>();
  private final Map<String, Question> questions = new HashMap<>();
  private final Map<String, int[]> positions = new HashMap<>();
  private final Map<String, Integer> pageIndex = new HashMap<>();
  /** The page of the repeating set asking each item question. */
  private final Map<String, String> itemQuestionSet = new HashMap<>();

  private ModelLint(Form form) {
    this.form = form;
  }

  /**
   * @param form the form
   * @return its problems in document order
   */
  public static List<LintProblem> check(Form form) {
    ModelLint l = new ModelLint(form);
    l.run();
    return List.copyOf(l.out);
  }

  private void problem(JsonPath p, String message) {
    out.add(new LintProblem(p.toString(), message));
  }

  private void run() {
    JsonPath root = JsonPath.root();
    JsonPath pages = root.field("pages");
    for (int i = 0; i < form.pages().size(); i++) {
      Page p = form.pages().get(i);
      p.repeat().ifPresent(r -> r.questions().forEach(q -> itemQuestionSet.put(q.id(), p.id())));
      if (pageIndex.putIfAbsent(p.id(), i) != null) {
        problem(pages.index(i).field("id"), "duplicate page id '" + p.id() + "'");
      }
      for (int j = 0; j < p.questions().size(); j++) {
        Question q = p.questions().get(j);
        if (questions.putIfAbsent(q.id(), q) != null) {
          problem(pages.index(i).field("questions").index(j).field("id"), "duplicate question id '" + q.id() + "'");
        } else {
          positions.put(q.id(), new int[] {i, j});
        }
      }
    }
    text(form.title(), root.field("title"));
    form.messages().forEach((key, text) -> message(key, text, root.field("messages").field(key)));
    for (int i = 0; i < form.sections().size(); i++) {
      Section s = form.sections().get(i);
      text(s.title(), root.field("sections").index(i).field("title"));
      if (form.pages().stream().noneMatch(p -> p.section().filter(s.id()::equals).isPresent())) {
        problem(root.field("sections").index(i), "section '" + s.id() + "' has no pages");
      }
    }
    for (int i = 0; i < form.pages().size(); i++) {
      page(form.pages().get(i), i, pages.index(i));
    }
    JsonPath routes = root.field("routes");
    for (int k = 0; k < form.routes().size(); k++) {
      route(form.routes().get(k), routes.index(k));
    }
    for (int k = 0; k < form.ends().size(); k++) {
      FormEnd e = form.ends().get(k);
      text(e.title(), root.field("ends").index(k).field("title"));
      text(e.body(), root.field("ends").index(k).field("body"));
    }
    reachability();
  }

  private static final Set<String> PLACEHOLDERS = Set.of("noun", "Noun", "min", "max", "date", "size", "types",
      "i_noun", "noun_soft", "subject", "Subject", "i_subject", "example", "none");
  /** Types whose built-in messages start with the error subject ("Date of birth must be a real date"). */
  private static final Set<QuestionType> SUBJECT_TYPES = Set.of(QuestionType.TEXT, QuestionType.NAME, QuestionType.TEXTAREA,
      QuestionType.WHOLE_NUMBER, QuestionType.DECIMAL, QuestionType.MONEY, QuestionType.DATE, QuestionType.MONTH_YEAR, QuestionType.MOBILE);
  private static final Pattern CLAUSE = Pattern.compile("(?i)(how|what|when|where|which|who|whether|if|why)\\b.*");
  private static final Pattern PLACEHOLDER_USE = Pattern.compile("\\{([^{}]*)}");

  /** A form's own error message: GOV.UK content rules, known placeholders, Welsh text. */
  private void message(String key, LocalisedText text, JsonPath path) {
    for (String advice : ContentRules.checkErrorMessage(text.en())) {
      problem(path.field("en"), "error message '" + text.en() + "': " + advice);
    }
    for (String lang : form.languages()) {
      var m = PLACEHOLDER_USE.matcher("en".equals(lang) ? text.en() : text.cy());
      while (m.find()) {
        if (!PLACEHOLDERS.contains(m.group(1))) {
          problem(path.field(lang), "unknown placeholder {" + m.group(1) + "}; use "
              + PLACEHOLDERS.stream().sorted().map(x -> "{" + x + "}").collect(Collectors.joining(", ")));
        }
      }
    }
    text(text, path);
  }

  private void page(Page p, int i, JsonPath pp) {
    p.title().ifPresent(t -> text(t, pp.field("title")));
    if (p.showIf().isPresent()) {
      if (i == 0) {
        problem(pp.field("showIf"), "the first page cannot have a show-if: every journey starts there");
      }
      condition(p.showIf().get(), pp.field("showIf"), new Position(i, 0), "show-if");
    }
    for (int j = 0; j < p.content().size(); j++) {
      Content c = p.content().get(j);
      JsonPath cp = pp.field("content").index(j);
      c.summary().ifPresent(t -> text(t, cp.field("summary")));
      text(c.text(), cp.field("text"));
      // content stands above the page's questions, so its condition reads earlier pages' answers
      c.showIf().ifPresent(x -> condition(x, cp.field("showIf"), new Position(i, 0), "show-if"));
    }
    for (int j = 0; j < p.questions().size(); j++) {
      Question q = p.questions().get(j);
      JsonPath qp = pp.field("questions").index(j);
      question(q, qp);
      Position at = new Position(i, positions.getOrDefault(q.id(), new int[] {i, j})[1]);
      q.showIf().ifPresent(c -> condition(c, qp.field("showIf"), at, "show-if"));
    }
    p.repeat().ifPresent(r -> repeat(r, i, pp.field("repeat")));
  }

  /** A repeating set: its texts, questions, and conditions, which may read the item's own answers. */
  private void repeat(RepeatingSet r, int i, JsonPath rp) {
    text(r.itemName(), rp.field("itemName"));
    text(r.itemsName(), rp.field("itemsName"));
    for (int k = 0; k < r.pages().size(); k++) {
      Page p = r.pages().get(k);
      JsonPath pp = rp.field("pages").index(k);
      p.title().ifPresent(t -> text(t, pp.field("title")));
      p.showIf().ifPresent(c -> condition(c, pp.field("showIf"), new Position(i, 0), "show-if", r.questions()));
      for (int j = 0; j < p.content().size(); j++) {
        Content c = p.content().get(j);
        JsonPath cp = pp.field("content").index(j);
        c.summary().ifPresent(t -> text(t, cp.field("summary")));
        text(c.text(), cp.field("text"));
      }
      for (int j = 0; j < p.questions().size(); j++) {
        Question q = p.questions().get(j);
        JsonPath qp = pp.field("questions").index(j);
        question(q, qp);
        q.showIf().ifPresent(c -> condition(c, qp.field("showIf"), new Position(i, 0), "show-if", r.questions()));
      }
    }
  }

  private void question(Question q, JsonPath qp) {
    if (KEYWORDS.contains(q.id())) {
      problem(qp.field("id"), "question id '" + q.id() + "' is a word of the condition language; "
          + "conditions could only name it as answers." + q.id());
    }
    text(q.label(), qp.field("label"));
    q.hint().ifPresent(h -> text(h, qp.field("hint")));
    text(q.errorNoun(), qp.field("errorNoun"));
    q.errorSubject().ifPresent(t -> text(t, qp.field("errorSubject")));
    if (q.pattern().isPresent() && q.type() != QuestionType.TEXT) {
      problem(qp.field("pattern"), "only a text question checks a pattern, not " + q.type().jsonName());
    }
    if (q.minLength() > 0 && q.type() != QuestionType.TEXT && q.type() != QuestionType.NAME && q.type() != QuestionType.TEXTAREA) {
      problem(qp.field("minLength"), "only text and textarea questions check a minimum length, not "
          + q.type().jsonName());
    }
    q.messages().forEach((key, t) -> message(key, t, qp.field("messages").field(key)));
    if (q.errorSubject().isEmpty() && SUBJECT_TYPES.contains(q.type())
        && CLAUSE.matcher(q.errorNoun().en().strip()).matches()) {
      problem(qp.field("errorNoun").field("en"), "error noun '" + q.errorNoun().en() + "' reads wrongly at the start "
          + "of a sentence ('" + q.subject(Locale.UK) + " must be ...'); add an errorSubject, a name such as "
          + "'Hours worked a week'");
    }
    String label = q.label().en().strip().replaceAll("[?:.]+$", "").strip();
    String noun = q.errorNoun().en().strip();
    boolean capitalsInside = label.length() > 1 && !label.substring(1).equals(label.substring(1).toLowerCase(Locale.ROOT));
    if (capitalsInside && noun.equals(label.toLowerCase(Locale.ROOT))) {
      problem(qp.field("errorNoun").field("en"), "error noun '" + noun + "' is the label in lower case, losing its "
          + "capitals; write it as it reads in a message, such as 'National Insurance number'");
    }
    if (q.accessibleAutocomplete() && q.options().size() < SHORT_LIST) {
      problem(qp.field("accessibleAutocomplete"), "a list of " + q.options().size() + " options is quicker to answer "
          + "as radios than by typing; keep the accessible autocomplete for long lists such as countries");
    }
    if (q.type() == QuestionType.SELECT && !q.accessibleAutocomplete() && q.options().size() > LONG_LIST) {
      problem(qp.field("options"), "a select of " + q.options().size() + " options is hard to scroll; add "
          + "\"accessibleAutocomplete\": true so people can type to filter it");
    }
    for (int k = 0; k < q.options().size(); k++) {
      Option o = q.options().get(k);
      JsonPath op = qp.field("options").index(k);
      text(o.label(), op.field("label"));
      o.hint().ifPresent(h -> text(h, op.field("hint")));
      if (o.dividerBefore() && k == 0) {
        problem(op.field("dividerBefore"), "the first option cannot have an 'or' divider before it");
      }
      if (o.exclusive() && (k != q.options().size() - 1 || !o.dividerBefore())) {
        problem(op.field("exclusive"), "an exclusive option such as 'None of these' goes last, after an 'or' divider, "
            + "as the Design System shows it");
      }
      if (o.hint().isPresent() && q.type() == QuestionType.SELECT) {
        problem(op.field("hint"), "a select cannot show hints on its options; use radios");
      }
    }
    for (int k = 0; k < q.items().size(); k++) {
      Question item = q.items().get(k);
      JsonPath ip = qp.field("items").index(k);
      question(item, ip);
      item.showIf().ifPresent(c -> {
        // item conditions read the item's own answers as well as the form's
        condition(c, ip.field("showIf"), new Position(Integer.MAX_VALUE, 0), "show-if", q.items());
      });
    }
  }

  private void route(FormRoute r, JsonPath rp) {
    Integer from = pageIndex.get(r.from());
    Integer to = pageIndex.get(r.to());
    boolean toEnd = form.ends().stream().anyMatch(e -> e.id().equals(r.to())) || Form.CHECK_ANSWERS.equals(r.to());
    if (from == null) {
      problem(rp.field("from"), "no page has id '" + r.from() + "'");
    }
    if (to == null && !toEnd) {
      problem(rp.field("to"), "no page or end has id '" + r.to() + "'");
    }
    if (from != null && to != null && to <= from) {
      problem(rp.field("to"), "route from '" + r.from() + "' goes back to '" + r.to() + "' and makes a loop");
    }
    condition(r.condition(), rp.field("condition"), new Position(from == null ? Integer.MAX_VALUE : from,
        Integer.MAX_VALUE), "route");
  }

  private void text(LocalisedText text, JsonPath path) {
    if (!form.welsh()) {
      return;
    }
    if (PLACEHOLDER.matcher(text.cy()).matches()) {
      problem(path.field("cy"), "Welsh text is a placeholder: '" + text.cy() + "'");
    } else if (text.cy().strip().equalsIgnoreCase(text.en().strip())
        && text.en().chars().filter(Character::isLetter).count() > 3) {
      problem(path.field("cy"), "Welsh text is a copy of the English: '" + text.en() + "'");
    }
  }

  // ---- conditions ----------------------------------------------------------------------------

  private void condition(String source, JsonPath path, Position at, String what) {
    condition(source, path, at, what, List.of());
  }

  private void condition(String source, JsonPath path, Position at, String what, List<Question> local) {
    Condition c;
    try {
      c = Condition.parse(source);
    } catch (ConditionSyntaxException e) {
      problem(path, "condition does not parse: " + e.getMessage());
      return;
    }
    Map<String, Question> localById = new HashMap<>();
    local.forEach(q -> localById.put(q.id(), q));
    Map<Operand.Path, Kind> kinds = new HashMap<>();
    Map<Operand.Path, Question> refs = new HashMap<>();
    boolean bad = false;
    for (Operand.Path ref : c.references()) {
      List<String> seg = ref.segments();
      if (seg.get(0).equals("journey")) {
        continue;
      }
      int head = seg.get(0).equals("answers") && seg.size() > 1 ? 1 : 0;
      String qid = seg.get(head);
      Question q = localById.containsKey(qid) ? localById.get(qid) : questions.get(qid);
      if (q == null && itemQuestionSet.containsKey(qid)) {
        problem(path, "condition refers to question '" + qid + "', which is asked for each item of repeating set '"
            + itemQuestionSet.get(qid) + "'; only that set's pages and questions can refer to it");
        bad = true;
        continue;
      }
      if (q == null) {
        problem(path, "condition refers to unknown question '" + qid + "'");
        bad = true;
        continue;
      }
      int[] pos = positions.get(qid);
      if (!localById.containsKey(qid) && pos != null && !at.after(pos[0], pos[1])) {
        problem(path, "condition refers to question '" + qid + "', which is asked later (on page '"
            + form.pages().get(pos[0]).id() + "'), so it has no answer when the " + what + " is decided");
        bad = true;
        continue;
      }
      refs.put(ref, q);
      if (seg.size() == head + 1) {
        kind(q.type()).ifPresent(k -> kinds.put(ref, k));
      } else if (seg.size() == head + 2 && PARTS.containsKey(q.type())) {
        Kind k = PARTS.get(q.type()).get(seg.get(head + 1));
        if (k == null) {
          problem(path, "question '" + qid + "' has no part '" + seg.get(head + 1) + "'; it has "
              + PARTS.get(q.type()).keySet().stream().sorted().collect(Collectors.joining(", ")));
          bad = true;
        } else {
          kinds.put(ref, k);
        }
      } else {
        problem(path, "'" + ref + "': question '" + qid + "' (" + q.type().jsonName() + ") has no parts to select");
        bad = true;
      }
    }
    for (String problem : ConditionTypes.check(c, p -> Optional.ofNullable(kinds.get(p)))) {
      problem(path, problem);
      bad = true;
    }
    options(c, refs, path);
    if (!bad && c.references().isEmpty() && !usesToday(c)) {
      boolean value = c.test(ConditionContext.of(Map.of(), Map.of(), LocalDate.of(2000, 1, 1)));
      problem(path, "condition '" + c + "' is always " + value);
    }
  }

  private static Optional<Kind> kind(QuestionType t) {
    switch (t) {
      case WHOLE_NUMBER:
      case DECIMAL:
      case MONEY:
        return Optional.of(Kind.NUMBER);
      case DATE:
      case MONTH_YEAR:
        return Optional.of(Kind.DATE);
      case TEXT:
      case NAME:
      case TEXTAREA:
      case EMAIL:
      case MOBILE:
      case POSTCODE:
      case NATIONAL_INSURANCE_NUMBER:
      case RADIOS:
      case SELECT:
        return Optional.of(Kind.TEXT);
      case CHECKBOXES:
      case REPEATING_GROUP:
        return Optional.of(Kind.LIST);
      case YES_NO:
      case DECLARATION:
        return Optional.of(Kind.BOOLEAN);
      default:
        return Optional.empty();
    }
  }

  /** Reports text literals tested against a choice question that are not among its options. */
  private void options(Condition c, Map<Operand.Path, Question> refs, JsonPath path) {
    if (c instanceof Condition.And a) {
      options(a.left(), refs, path);
      options(a.right(), refs, path);
    } else if (c instanceof Condition.Or o) {
      options(o.left(), refs, path);
      options(o.right(), refs, path);
    } else if (c instanceof Condition.Not n) {
      options(n.condition(), refs, path);
    } else if (c instanceof Condition.Comparison cmp) {
      option(cmp.left(), cmp.right(), refs, path);
      option(cmp.right(), cmp.left(), refs, path);
    } else if (c instanceof Condition.In in) {
      for (Operand v : in.values()) {
        option(in.subject(), v, refs, path);
      }
    } else if (c instanceof Condition.Contains ct) {
      option(ct.subject(), ct.value(), refs, path);
    }
  }

  private void option(Operand subject, Operand value, Map<Operand.Path, Question> refs, JsonPath path) {
    if (!(subject instanceof Operand.Path p) || !(value instanceof Operand.Text t)) {
      return;
    }
    Question q = refs.get(p);
    if (q == null || q.options().isEmpty() || p.segments().size() > (p.segments().get(0).equals("answers") ? 2 : 1)) {
      return;
    }
    if (q.options().stream().noneMatch(o -> o.value().equals(t.value()))) {
      problem(path, "'" + t.value() + "' is not an option of question '" + q.id() + "' (options: "
          + q.options().stream().map(Option::value).collect(Collectors.joining(", ")) + ")");
    }
  }

  private static boolean usesToday(Condition c) {
    if (c instanceof Condition.And a) {
      return usesToday(a.left()) || usesToday(a.right());
    } else if (c instanceof Condition.Or o) {
      return usesToday(o.left()) || usesToday(o.right());
    } else if (c instanceof Condition.Not n) {
      return usesToday(n.condition());
    } else if (c instanceof Condition.Comparison cmp) {
      return today(cmp.left()) || today(cmp.right());
    } else if (c instanceof Condition.In in) {
      return today(in.subject()) || in.values().stream().anyMatch(ModelLint::today);
    } else if (c instanceof Condition.Contains ct) {
      return today(ct.subject()) || today(ct.value());
    }
    return false;
  }

  private static boolean today(Operand o) {
    return o instanceof Operand.Today || (o instanceof Operand.DateOffset d && today(d.base()));
  }

  // ---- reachability --------------------------------------------------------------------------

  private boolean alwaysTrue(String condition) {
    try {
      Condition c = Condition.parse(condition);
      return c.references().isEmpty() && !usesToday(c)
          && c.test(ConditionContext.of(Map.of(), Map.of(), LocalDate.of(2000, 1, 1)));
    } catch (ConditionSyntaxException e) {
      return false;
    }
  }

  private void reachability() {
    List<Page> pages = form.pages();
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(pages.get(0).id());
    while (!todo.isEmpty()) {
      String at = todo.poll();
      if (!reached.add(at)) {
        continue;
      }
      Integer i = pageIndex.get(at);
      if (i == null) {
        if (at.equals(Form.CHECK_ANSWERS)) {
          form.ends().stream().filter(e -> e.outcome() == Outcome.SUCCESS).findFirst()
              .ifPresent(e -> todo.add(e.id()));
        }
        continue;
      }
      boolean blocked = false;
      for (FormRoute r : form.routes()) {
        if (r.from().equals(at)) {
          arrive(r.to(), todo);
          if (alwaysTrue(r.condition())) {
            blocked = true;
            break;
          }
        }
      }
      if (!blocked) {
        arrive(i + 1 < pages.size() ? pages.get(i + 1).id() : Form.CHECK_ANSWERS, todo);
      }
    }
    for (int i = 0; i < pages.size(); i++) {
      if (!reached.contains(pages.get(i).id())) {
        problem(JsonPath.root().field("pages").index(i), "no route reaches page '" + pages.get(i).id() + "'");
      }
    }
    for (int k = 0; k < form.ends().size(); k++) {
      FormEnd e = form.ends().get(k);
      if (!reached.contains(e.id())) {
        problem(JsonPath.root().field("ends").index(k), "nothing leads to end '" + e.id() + "'"
            + (e.outcome() == Outcome.SUCCESS ? " (only the first success end follows check answers)" : ""));
      }
    }
  }

  /** Arriving at a page with a show-if may continue to the page after it. */
  private void arrive(String target, Deque<String> todo) {
    todo.add(target);
    Integer j = pageIndex.get(target);
    while (j != null && form.pages().get(j).showIf().isPresent()) {
      j++;
      String next = j < form.pages().size() ? form.pages().get(j).id() : Form.CHECK_ANSWERS;
      todo.add(next);
      j = j < form.pages().size() ? j : null;
    }
  }
}
