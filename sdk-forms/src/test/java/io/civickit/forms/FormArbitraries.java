package io.civickit.forms;

import io.civickit.core.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generates valid forms of every shape the model allows. */
final class FormArbitraries {
  private FormArbitraries() {}

  static Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("éŵŷâ’\n\t\"\\<>&").ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<LocalisedText> text() {
    return Combinators.combine(words(), words()).as(LocalisedText::of);
  }

  static Arbitrary<String> conditions() {
    return Arbitraries.of("q0 is answered", "q0 = 'x'", "not (q1 > 3)", "journey.channel = 'ONLINE'",
        "q0 in ['a', 'b'] or q1 is not answered", "today > 2020-01-01");
  }

  static Arbitrary<Question> question(int index, boolean inGroup) {
    Arbitrary<QuestionType> types = Arbitraries.of(QuestionType.class)
        .filter(t -> !inGroup || t != QuestionType.REPEATING_GROUP);
    return Combinators.combine(types, text(), text().optional(), text(), Arbitraries.of(true, false),
            conditions().optional(), Arbitraries.integers().between(1, 100_000).optional(),
            Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000)).ofScale(2).optional())
        .flatAs((type, label, hint, noun, required, showIf, maxLength, min) -> {
          Arbitrary<List<Question>> items = type == QuestionType.REPEATING_GROUP
              ? Arbitraries.integers().between(1, 3).flatMap(n -> Combinators.combine(groupItems(n)).as(l -> l))
              : Arbitraries.just(List.of());
          return Combinators.combine(items, Arbitraries.integers().between(1, 4), Arbitraries.of(Question.DateRule.class),
              Arbitraries.longs().between(1, 100_000_000L).optional(), Arbitraries.integers().between(0, 5))
              .as((its, optionCount, rule, bytes, minItems) -> {
                String id = (inGroup ? "i" : "q") + index;
                Question.Builder b = Question.builder(id, type).label(label.en(), label.cy())
                    .errorNoun(noun.en(), noun.cy()).required(required || type == QuestionType.DECLARATION).dateRule(rule);
                hint.ifPresent(h -> b.hint(h.en(), h.cy()));
                if (optionCount % 2 == 0) {
                  b.errorSubject(label.en(), label.cy()).message("required", "Enter " + noun.en(), "Rhowch " + noun.cy());
                }
                showIf.ifPresent(b::showIf);
                maxLength.ifPresent(b::maxLength);
                min.ifPresent(m -> b.min(m).max(m.add(BigDecimal.TEN)));
                bytes.ifPresent(b::maxFileBytes);
                if (type == QuestionType.FILE) {
                  b.fileType("application/pdf");
                }
                if (type == QuestionType.DATE) {
                  b.notBefore(java.time.LocalDate.of(2000, 1, 1).plusDays(optionCount)).notAfter(java.time.LocalDate.of(2030, 12, 31));
                }
                if ((type == QuestionType.TEXT || type == QuestionType.TEXTAREA) && optionCount == 3) {
                  b.minLength(1);
                }
                if ((type == QuestionType.DECIMAL || type == QuestionType.MONEY) && optionCount > 1) {
                  b.suffix(noun);
                }
                if (type == QuestionType.TEXT && optionCount == 4) {
                  b.pattern("[0-9]+", "{Subject} must only include numbers", "Rhaid {i_subject} gynnwys rhifau yn unig");
                }
                if (type == QuestionType.TEXT && required) {
                  b.autocomplete(optionCount > 2 ? "street-address" : "name");
                }
                if (type == QuestionType.RADIOS || type == QuestionType.CHECKBOXES || type == QuestionType.SELECT) {
                  for (int k = 0; k < optionCount; k++) {
                    Option o = Option.of("v" + k, LocalisedText.of(label.en() + k, label.cy() + k));
                    if (type != QuestionType.SELECT && k == 1) {
                      o = o.withHint(noun);
                    }
                    if (type == QuestionType.CHECKBOXES && k > 0 && k == optionCount - 1) {
                      o = o.afterDivider().asExclusive();
                    }
                    b.option(o);
                  }
                }
                if (type == QuestionType.SELECT && optionCount > 2) {
                  b.accessibleAutocomplete();
                }
                its.forEach(b::item);
                if (type == QuestionType.REPEATING_GROUP) {
                  b.items(minItems, minItems + 3);
                }
                return b.build();
              });
        });
  }

  /** The questions, the first revealing the last under its first option when it is radios or checkboxes. */
  private static List<Question> revealing(List<Question> questions) {
    Question first = questions.get(0);
    if (questions.size() < 2 || (first.type() != QuestionType.RADIOS && first.type() != QuestionType.CHECKBOXES)
        || first.options().get(0).exclusive()) {
      return questions;
    }
    List<Option> options = new ArrayList<>(first.options());
    options.set(0, options.get(0).revealing(questions.get(questions.size() - 1).id()));
    Question q = first;
    List<Question> out = new ArrayList<>(questions);
    out.set(0, new Question(q.id(), q.type(), q.label(), q.hint(), q.errorNoun(), q.required(), q.showIf(),
        q.maxLength(), q.min(), q.max(), options, q.dateRule(), q.maxFileBytes(), q.fileTypes(), q.items(),
        q.minItems(), q.maxItems(), q.earliestDate(), q.latestDate(), q.autocomplete(), q.errorSubject(),
        q.messages(), q.minLength(), q.pattern(), q.prefix(), q.suffix(), q.maxWords(), q.accessibleAutocomplete()));
    return out;
  }

  private static List<Arbitrary<Question>> groupItems(int n) {
    List<Arbitrary<Question>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(question(i, true));
    }
    return out;
  }

  static Arbitrary<Form> forms() {
    return Arbitraries.integers().between(1, 4).flatMap(pageCount ->
        Arbitraries.integers().between(1, 3).list().ofSize(pageCount).flatMap(counts -> {
          List<Arbitrary<Page>> pages = new ArrayList<>();
          int q = 0;
          for (int p = 0; p < pageCount; p++) {
            List<Arbitrary<Question>> qs = new ArrayList<>();
            for (int k = 0; k < counts.get(p); k++) {
              qs.add(question(q++, false));
            }
            int pageNo = p;
            pages.add(Combinators.combine(Combinators.combine(qs).as(l -> l), text().optional(),
                    conditions().optional(), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                    text(), conditions().optional())
                .as((questions, title, showIf, sectioned, content, words, contentIf) -> {
                  Page.Builder b = Page.builder("page-" + pageNo);
                  if (content != 4) {
                    revealing(questions).forEach(b::question);
                  }
                  if (content > 0 || title.isPresent()) {
                    LocalisedText t = title.orElse(words);
                    b.title(t.en(), t.cy());
                  }
                  switch (content) {
                    case 1 -> b.content(Content.markdown(words));
                    case 2 -> {
                      b.content(Content.inset(words));
                      Content warning = Content.warning(words);
                      b.content(contentIf.map(warning::showIf).orElse(warning));
                    }
                    case 3, 4 -> b.content(Content.details(words, words));
                    default -> { }
                  }
                  showIf.ifPresent(b::showIf);
                  if (sectioned) {
                    b.section("section-" + (pageNo % 2));
                  }
                  return b.build();
                }));
          }
          return Combinators.combine(Combinators.combine(pages).as(l -> l), text(), text(), text(),
                  Arbitraries.integers().between(1, 50), Arbitraries.of(true, false), conditions())
              .as((ps, title, s0, s1, version, routed, routeCondition) -> {
                Form.Builder f = Form.builder("form-" + version, version).title(title.en(), title.cy())
                    .section("section-0", s0.en(), s0.cy()).section("section-1", s1.en(), s1.cy());
                ps.forEach(f::page);
                if (version % 3 == 0) {
                  f.message("postcode.invalid", s0.en(), s0.cy()).message("required", "Enter {noun}", s1.cy());
                }
                f.end(new FormEnd("done", title, s0, Outcome.SUCCESS));
                if (routed) {
                  f.end(new FormEnd("refused", s1, title, Outcome.INELIGIBLE));
                  f.route(ps.get(0).id(), routeCondition, "refused");
                }
                return f.build();
              });
        }));
  }
}
