package io.civickit.web.internal;

import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.forms.Form;
import io.civickit.forms.Page;
import io.civickit.forms.RepeatingItems;
import io.civickit.forms.RepeatingSet;
import io.civickit.forms.html.AddToList;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.validation.Messages;
import io.civickit.web.PageOptions;
import io.civickit.web.WebResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The "add to a list" pages of a repeating set (see {@link RepeatingSet}): the summary at
 * {@code /apply/SET} (shown by {@link CitizenPages} for the set's step), each item's pages at
 * {@code /apply/SET/N/PAGE}, the removal confirmation at {@code /apply/SET/N/remove}, and an
 * item's pages from check your answers at {@code /change/SET/N/PAGE}.
 *
 * <p>Until the person says they need not add another, the items live in the journey's draft for
 * the set's step (fields named {@code N/field}, see {@link RepeatingItems}); every change to it is
 * a POST with the CSRF token. Saying no submits the draft to the set's journey step, which stores
 * the answer. Removing an item needs a yes on the confirmation page, sent by POST.
 */
final class AddToListPages {
  private final Engine engine;
  private final Form form;
  private final Messages messages;

  AddToListPages(Engine engine) {
    this.engine = engine;
    this.form = engine.form;
    this.messages = RepeatingItems.messages(form);
  }

  void routes(CitizenPages.Routes r) {
    r.add("GET", "/apply/{step}/{item}/remove", ex -> showRemove((ExchangeImpl) ex, Optional.empty()));
    r.add("POST", "/apply/{step}/{item}/remove", ex -> remove((ExchangeImpl) ex));
    r.add("GET", "/apply/{step}/{item}/{page}", ex -> showItemPage((ExchangeImpl) ex, false));
    r.add("POST", "/apply/{step}/{item}/{page}", ex -> submitItemPage((ExchangeImpl) ex, false));
    r.add("GET", "/change/{step}/{item}/{page}", ex -> showItemPage((ExchangeImpl) ex, true));
    r.add("POST", "/change/{step}/{item}/{page}", ex -> submitItemPage((ExchangeImpl) ex, true));
  }

  /** Whether a step is a repeating set's. */
  boolean handles(String step) {
    return form.page(step).flatMap(Page::repeat).isPresent();
  }

  // ------------------------------------------------------------------------------ state

  /** The set's page, when the journey may be on it now: not finished, the set current or passed. */
  private Optional<Page> setPage(Journey j, String step) {
    Optional<Page> p = form.page(step).filter(x -> x.repeat().isPresent());
    if (p.isEmpty() || j.status().isFinal() || !(step.equals(j.currentStep()) || j.history().contains(step))) {
      return Optional.empty();
    }
    return p;
  }

  private static Map<String, List<String>> draft(Journey j, Page set) {
    Map<String, List<String>> d = j.drafts().get(set.id());
    return d != null ? d : RepeatingItems.of(set, j);
  }

  private List<RepeatingItems.Item> items(Journey j, RepeatingSet set, Map<String, List<String>> draft, Locale l) {
    return RepeatingItems.checkAll(set, j, draft, l, LocalDate.now(engine.config.clock()), messages);
  }

  private void saveDraft(Journey j, String step, Map<String, List<String>> draft) {
    engine.journeys.update(j.id(), x -> x.toBuilder().draft(step, draft).build());
  }

  private static int index(ExchangeImpl ex) {
    String s = ex.pathParam("item").orElse("");
    return s.matches("[0-9]{1,3}") ? Integer.parseInt(s) : -1;
  }

  private static String setLink(String step) {
    return "/apply/" + step;
  }

  private static String itemLink(String step, int item, String page, boolean change) {
    return (change ? "/change/" : "/apply/") + step + "/" + item + "/" + page;
  }

  private static String back(Journey j, String step) {
    List<String> h = j.history();
    int at = step.equals(j.currentStep()) ? h.size() : h.lastIndexOf(step);
    return at > 0 ? "/apply/" + h.get(at - 1) : "/";
  }

  // ------------------------------------------------------------------------------ summary

  /** The summary page: the items so far, and "Do you need to add another?". */
  WebResponse showSummary(ExchangeImpl ex, Journey j, Page page, Optional<String> error) {
    Locale l = ex.locale();
    RepeatingSet set = page.repeat().orElseThrow();
    Map<String, List<String>> draft = draft(j, page);
    List<RepeatingItems.Item> all = items(j, set, draft, l);
    List<RepeatingItems.Item> done = all.stream().filter(RepeatingItems.Item::complete).toList();
    if (done.isEmpty() && set.minItems() > 0 && error.isEmpty()) {
      int next = all.isEmpty() ? 0 : all.get(0).index();
      String first = all.isEmpty() ? firstPage(j, set, draft) : all.get(0).nextPage().orElse(set.pages().get(0).id());
      return ex.redirect(itemLink(page.id(), next, first, false));
    }
    String html = AddToList.summaryPage(set, done, l, i -> ex.url(itemLink(page.id(), i, firstShown(done, i, set), false)),
        i -> ex.url("/apply/" + page.id() + "/" + i + "/remove"), error, Map.of("csrf", ex.csrfToken()));
    return ex.page(AddToList.summaryTitle(set, done.size(), l), html,
        PageOptions.CITIZEN.errors(error.isPresent()).back(back(j, page.id())));
  }

  private static String firstShown(List<RepeatingItems.Item> items, int index, RepeatingSet set) {
    return items.stream().filter(i -> i.index() == index).findFirst().map(i -> i.shownPages().get(0))
        .orElse(set.pages().get(0).id());
  }

  private String firstPage(Journey j, RepeatingSet set, Map<String, List<String>> draft) {
    RepeatingItems.Item empty = RepeatingItems.check(set, j, Map.of(), 0,
        Locale.UK, LocalDate.now(engine.config.clock()), messages);
    return empty.shownPages().isEmpty() ? set.pages().get(0).id() : empty.shownPages().get(0);
  }

  /** The summary's POST: yes starts a new item; no (or Continue at the maximum) submits the set's step. */
  WebResponse submitSummary(ExchangeImpl ex, Journey j, String step) {
    Optional<Page> maybe = setPage(j, step);
    if (maybe.isEmpty()) {
      return ex.redirect("/apply/" + j.currentStep());
    }
    Page page = maybe.get();
    RepeatingSet set = page.repeat().orElseThrow();
    Locale l = ex.locale();
    Map<String, List<String>> draft = draft(j, page);
    List<RepeatingItems.Item> all = items(j, set, draft, l);
    Map<String, List<String>> clean = RepeatingItems.completeOnly(draft, all);
    int count = RepeatingItems.count(clean);
    String answer = ex.formValue(RepeatingItems.ADD_ANOTHER).orElse("");
    if (count < set.maxItems()) {
      if (answer.equals("yes")) {
        saveDraft(j, step, clean);
        return ex.redirect(itemLink(step, count, firstPage(j, set, clean), false));
      }
      if (!answer.equals("no")) {
        return showSummary(ex, j, page, Optional.of(AddToList.message("error.question", set, "", l)));
      }
    }
    Map<String, List<String>> input = new LinkedHashMap<>(clean);
    return ex.submitStep(j, step, input, invalid -> {
      Optional<String> message = invalid.errors().stream().map(FieldError::message).findFirst();
      return showSummary(ex, invalid.journey(), page, message);
    });
  }

  /** For check your answers: a heading and a summary card per item, for each repeating set answered. */
  String cards(ExchangeImpl ex, Journey j, Locale l) {
    StringBuilder b = new StringBuilder();
    for (Page page : form.pages()) {
      if (page.repeat().isEmpty() || !j.answers().containsKey(page.id())) {
        continue;
      }
      RepeatingSet set = page.repeat().get();
      List<RepeatingItems.Item> all = items(j, set, RepeatingItems.of(page, j), l);
      if (all.isEmpty()) {
        continue;
      }
      b.append("<h2 class=\"govuk-heading-m\">").append(Html.e(page.title().map(t -> t.in(l))
          .orElseGet(() -> AddToList.summaryTitle(set, all.size(), l)))).append("</h2>")
          .append(AddToList.cards(set, all, l, (i, p) -> ex.url(itemLink(page.id(), i, p, true))));
    }
    return b.toString();
  }

  /** The journey, repeating set and item a request's path names, with the set's draft. */
  private record At(Journey journey, String step, Page set, RepeatingSet rs, int item,
      Map<String, List<String>> draft) {}

  /**
   * What an item's or a removal's path names, or empty when it names no repeating set of this
   * journey (then {@link #away} says where to go). The item number is each page's own check.
   */
  private Optional<At> locate(ExchangeImpl ex) {
    Optional<Journey> j = ex.journey();
    String step = ex.pathParam("step").orElse("");
    Optional<Page> set = j.flatMap(journey -> setPage(journey, step));
    return set.map(p -> new At(j.get(), step, p, p.repeat().orElseThrow(), index(ex), draft(j.get(), p)));
  }

  /** Where a request naming nothing of this journey goes: the start without one, else its current page. */
  private static WebResponse away(ExchangeImpl ex) {
    return ex.redirect(ex.journey().map(j -> "/apply/" + j.currentStep()).orElse("/"));
  }

  // ------------------------------------------------------------------------------ item pages

  /** Runs {@code then} for the item page a request names, or sends it where it belongs when it names none. */
  private WebResponse onItemPage(ExchangeImpl ex, BiFunction<At, Page, WebResponse> then) {
    Optional<At> found = locate(ex).filter(at -> at.item() >= 0);
    if (found.isEmpty()) {
      return away(ex);
    }
    At at = found.get();
    Optional<Page> item = itemPage(at.set(), ex.pathParam("page").orElse(""));
    if (item.isEmpty() || at.item() > RepeatingItems.count(at.draft()) || at.item() >= at.rs().maxItems()) {
      return ex.redirect(setLink(at.step()));
    }
    return then.apply(at, item.get());
  }

  private WebResponse showItemPage(ExchangeImpl ex, boolean change) {
    return onItemPage(ex, (at, item) -> render(ex, at.journey(), at.set(), at.item(), item,
        RepeatingItems.item(at.draft(), at.item()), List.of(), change));
  }

  private static Optional<Page> itemPage(Page set, String id) {
    return set.repeat().orElseThrow().pages().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private WebResponse render(ExchangeImpl ex, Journey j, Page set, int i, Page item, Map<String, List<String>> raw,
      List<FieldError> errors, boolean change) {
    Locale l = ex.locale();
    RepeatingSet rs = set.repeat().orElseThrow();
    String title = item.title().map(x -> x.in(l))
        .orElseGet(() -> item.questions().isEmpty() ? form.title().in(l) : item.questions().get(0).label().in(l));
    String caption = "<span class=\"govuk-caption-l\">" + Html.e(AddToList.itemTitle(rs, i, l)) + "</span>";
    String html = engine.renderer.renderForm(item, raw, errors, l, FormOptions.builder()
        .hidden("csrf", ex.csrfToken()).build());
    String back = change ? "/apply/" + Form.CHECK_ANSWERS : setLink(set.id());
    return ex.page(title, engine.renderer.renderErrorSummary(item, errors, l) + caption + html,
        PageOptions.CITIZEN.errors(!errors.isEmpty()).back(back));
  }

  private WebResponse submitItemPage(ExchangeImpl ex, boolean change) {
    return onItemPage(ex, (at, item) -> submitItem(ex, at, item, change));
  }

  private WebResponse submitItem(ExchangeImpl ex, At at, Page item, boolean change) {
    Journey j = at.journey();
    String step = at.step();
    int i = at.item();
    RepeatingSet rs = at.rs();
    Map<String, List<String>> draft = at.draft();
    Locale l = ex.locale();
    Map<String, List<String>> input = new LinkedHashMap<>(ex.form());
    Map<String, List<String>> next = RepeatingItems.withPage(draft, i, item, input);
    RepeatingItems.Item checked = RepeatingItems.check(rs, j, next, i, l,
        LocalDate.now(engine.config.clock()), messages);
    List<FieldError> errors = checked.errors().getOrDefault(item.id(), List.of());
    if (!errors.isEmpty()) {
      return render(ex, j, at.set(), i, item, input, errors, change);
    }
    saveDraft(j, step, next);
    ex.journeyChanged();
    Optional<String> more = checked.nextPage();
    if (more.isPresent()) {
      return ex.redirect(itemLink(step, i, more.get(), change));
    }
    if (!change) {
      return ex.redirect(setLink(step));
    }
    // From check your answers: store the set again, and go back there.
    Journey current = engine.journeys.change(j.id(), step, Form.CHECK_ANSWERS);
    List<RepeatingItems.Item> all = items(current, rs, next, l);
    return ex.submitStep(current, step, new LinkedHashMap<>(RepeatingItems.completeOnly(next, all)),
        invalid -> ex.redirect(setLink(step)));
  }

  // ------------------------------------------------------------------------------ removal

  /** Runs {@code then} for an item a removal path names, with the set's items; elsewhere when it names none. */
  private WebResponse onItem(ExchangeImpl ex, BiFunction<At, List<RepeatingItems.Item>, WebResponse> then) {
    Optional<At> found = locate(ex);
    if (found.isEmpty()) {
      return away(ex);
    }
    At at = found.get();
    List<RepeatingItems.Item> all = items(at.journey(), at.rs(), at.draft(), ex.locale());
    if (at.item() < 0 || at.item() >= all.size()) {
      return ex.redirect(setLink(at.step()));
    }
    return then.apply(at, all);
  }

  private WebResponse showRemove(ExchangeImpl ex, Optional<String> error) {
    return onItem(ex, (at, all) -> {
      RepeatingSet rs = at.rs();
      Locale l = ex.locale();
      String label = RepeatingItems.label(rs, all.get(at.item()), l);
      String html = AddToList.removePage(rs, label, l, error, Map.of("csrf", ex.csrfToken()));
      return ex.page(AddToList.removeTitle(rs, label, l), html,
          PageOptions.CITIZEN.errors(error.isPresent()).back(setLink(at.step())));
    });
  }

  private WebResponse remove(ExchangeImpl ex) {
    return onItem(ex, (at, all) -> removeItem(ex, at, all));
  }

  private WebResponse removeItem(ExchangeImpl ex, At at, List<RepeatingItems.Item> all) {
    Journey j = at.journey();
    String step = at.step();
    int i = at.item();
    RepeatingSet rs = at.rs();
    Locale l = ex.locale();
    Map<String, List<String>> draft = at.draft();
    String answer = ex.formValue(RepeatingItems.CONFIRM_REMOVE).orElse("");
    if (answer.equals("yes")) {
      saveDraft(j, step, RepeatingItems.without(draft, i));
      ex.journeyChanged();
    } else if (!answer.equals("no")) {
      return showRemove(ex, Optional.of(AddToList.message("remove.error", rs, RepeatingItems.label(rs, all.get(i), l),
          l)));
    }
    return ex.redirect(setLink(step));
  }
}
