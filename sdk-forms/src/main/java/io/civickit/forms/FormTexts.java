package io.civickit.forms;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks every authored text of a form, with where it is, to check its languages. */
final class FormTexts {
  private FormTexts() {}

  /**
   * Calls {@code each} with the place and text of every authored text.
   *
   * @param title the form title
   * @param sections the sections
   * @param pages the pages
   * @param ends the ends
   * @param messages the form's messages
   * @param each receives a description of the place, such as "question 'dob' label", and the text
   */
  static void forEach(LocalisedText title, List<Section> sections, List<Page> pages, List<FormEnd> ends,
      Map<String, LocalisedText> messages, BiConsumer<String, LocalisedText> each) {
    each.accept("title", title);
    sections.forEach(s -> each.accept("section '" + s.id() + "' title", s.title()));
    pages(pages, each);
    for (FormEnd e : ends) {
      each.accept("end '" + e.id() + "' title", e.title());
      each.accept("end '" + e.id() + "' body", e.body());
    }
    messages.forEach((k, t) -> each.accept("message '" + k + "'", t));
  }

  private static void pages(List<Page> pages, BiConsumer<String, LocalisedText> each) {
    for (Page p : pages) {
      p.title().ifPresent(t -> each.accept("page '" + p.id() + "' title", t));
      for (int i = 0; i < p.content().size(); i++) {
        Content c = p.content().get(i);
        String at = "page '" + p.id() + "' content " + (i + 1) + " ";
        c.summary().ifPresent(t -> each.accept(at + "summary", t));
        each.accept(at + "text", c.text());
      }
      p.questions().forEach(q -> question(q, each));
      p.repeat().ifPresent(r -> {
        each.accept("page '" + p.id() + "' itemName", r.itemName());
        each.accept("page '" + p.id() + "' itemsName", r.itemsName());
        pages(r.pages(), each);
      });
    }
  }

  private static void question(Question q, BiConsumer<String, LocalisedText> each) {
    String at = "question '" + q.id() + "' ";
    each.accept(at + "label", q.label());
    q.hint().ifPresent(t -> each.accept(at + "hint", t));
    each.accept(at + "errorNoun", q.errorNoun());
    q.errorSubject().ifPresent(t -> each.accept(at + "errorSubject", t));
    q.prefix().ifPresent(t -> each.accept(at + "prefix", t));
    q.suffix().ifPresent(t -> each.accept(at + "suffix", t));
    q.messages().forEach((k, t) -> each.accept(at + "message '" + k + "'", t));
    for (Option o : q.options()) {
      each.accept(at + "option '" + o.value() + "' label", o.label());
      o.hint().ifPresent(h -> each.accept(at + "option '" + o.value() + "' hint", h));
    }
    q.items().forEach(item -> question(item, each));
  }

  /**
   * Fails on the first text without Welsh.
   *
   * @throws IllegalArgumentException naming the form and the place
   */
  static void requireWelsh(String formId, LocalisedText title, List<Section> sections, List<Page> pages,
      List<FormEnd> ends, Map<String, LocalisedText> messages) {
    forEach(title, sections, pages, ends, messages, (where, text) -> {
      if (!text.hasWelsh()) {
        throw new IllegalArgumentException("form '" + formId + "' declares Welsh but its " + where
            + " has no Welsh (English: '" + text.en() + "')");
      }
    });
  }
}
