package io.civickit.web.internal;

import io.civickit.core.Journey;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.address.Address;
import io.civickit.forms.address.AddressLookup;
import io.civickit.forms.address.PostcodeSearch;
import io.civickit.web.PageOptions;
import io.civickit.web.WebResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Find an address" for a page whose one question is an address, when the runner has an
 * {@link AddressLookup}: the postcode first, then the addresses found there to pick from, with
 * the address fields one link away at every stage. A search only reads, so it is a GET
 * ({@code ?postcode=}); picking an address is the page's POST, checked again against the lookup
 * so a forged choice cannot be saved, and then validated exactly as a typed address. A lookup
 * that is down or knows no address there leads to the address fields with the postcode filled in:
 * it never stops anyone.
 */
final class AddressFinder {
  /** The postcode searched for: a query parameter on the search, a hidden field on the choice. */
  static final String POSTCODE = "find-postcode";
  /** The address picked, by UPRN. */
  static final String CHOICE = "find-address";
  /** Query parameter: show the address fields. */
  static final String MANUAL = "manual";

  private final Engine engine;
  private final AddressLookup lookup;

  AddressFinder(Engine engine, AddressLookup lookup) {
    this.engine = engine;
    this.lookup = lookup;
  }

  /** The page's address question, when the page is one the finder serves. */
  static Optional<Question> question(Page p) {
    return p.questions().size() == 1 && p.questions().get(0).type() == QuestionType.ADDRESS
        ? Optional.of(p.questions().get(0)) : Optional.empty();
  }

  /**
   * The finder's page for a GET of the step, or empty to show the address fields: asked for, or
   * the question already answered (changing an answer starts from what was given).
   */
  Optional<WebResponse> show(ExchangeImpl ex, Journey j, Page p, Map<String, List<String>> raw, PageOptions o) {
    Optional<Question> q = question(p);
    if (q.isEmpty() || ex.query(MANUAL).isPresent()) {
      return Optional.empty();
    }
    Optional<String> typed = ex.query(POSTCODE);
    if (typed.isEmpty()) {
      boolean answered = raw.values().stream().flatMap(List::stream).anyMatch(v -> !v.isBlank());
      return answered ? Optional.empty() : Optional.of(postcodePage(ex, q.get(), "", Optional.empty(), o));
    }
    if (typed.get().isBlank()) {
      return Optional.of(postcodePage(ex, q.get(), "", Optional.of(ex.text("address.find.postcode.empty")), o));
    }
    PostcodeSearch search = PostcodeSearch.run(lookup, typed.get());
    if (search instanceof PostcodeSearch.Found f) {
      return Optional.of(choicePage(ex, q.get(), f, Optional.empty(), o));
    }
    if (search instanceof PostcodeSearch.NotAPostcode) {
      return Optional.of(postcodePage(ex, q.get(), typed.get(), Optional.of(ex.text("address.find.postcode.invalid")), o));
    }
    if (search instanceof PostcodeSearch.NoneFound none) {
      return Optional.of(noneFoundPage(ex, q.get(), none.postcode(), o));
    }
    // The lookup is down: the address fields, the postcode kept.
    return Optional.of(ex.redirect(manualHref(ex.path(), ((PostcodeSearch.Unavailable) search).postcode())));
  }

  /** The address fields' input with the searched postcode filled in, when the person came from a search. */
  static Map<String, List<String>> prefill(ExchangeImpl ex, Page p, Map<String, List<String>> raw) {
    Optional<Question> q = question(p);
    Optional<String> postcode = ex.query(POSTCODE).filter(s -> !s.isBlank());
    if (q.isEmpty() || postcode.isEmpty()) {
      return raw;
    }
    String field = q.get().id() + "-postcode";
    if (raw.getOrDefault(field, List.of()).stream().anyMatch(v -> !v.isBlank())) {
      return raw;
    }
    Map<String, List<String>> filled = new LinkedHashMap<>(raw);
    filled.put(field, List.of(Address.normalisePostcode(postcode.get()).orElse(postcode.get().strip())));
    return filled;
  }

  /**
   * A POST of the page: a picked address becomes the question's input (after looking it up
   * again), anything else goes on unchanged.
   */
  WebResponse submit(ExchangeImpl ex, Page p, Map<String, List<String>> input, PageOptions o,
      Function<Map<String, List<String>>, WebResponse> proceed) {
    Optional<Question> q = question(p);
    if (q.isEmpty() || !input.containsKey(CHOICE) && !input.containsKey(POSTCODE)) {
      return proceed.apply(input);
    }
    String postcode = first(input, POSTCODE);
    String uprn = first(input, CHOICE);
    PostcodeSearch search = PostcodeSearch.run(lookup, postcode);
    if (!(search instanceof PostcodeSearch.Found f)) {
      return ex.redirect(manualHref(ex.path(), postcode));
    }
    Optional<Address> chosen = f.addresses().stream().filter(a -> a.uprn().equals(uprn)).findFirst();
    if (chosen.isEmpty()) {
      return choicePage(ex, q.get(), f, Optional.of(ex.text("address.find.select.empty")), o.errors(true));
    }
    return proceed.apply(chosen.get().toInput(q.get().id()));
  }

  // ----------------------------------------------------------------------------------- pages

  private WebResponse postcodePage(ExchangeImpl ex, Question q, String typed, Optional<String> error, PageOptions o) {
    Locale l = ex.locale();
    String label = q.label().in(l);
    StringBuilder b = new StringBuilder();
    error.ifPresent(m -> b.append(Html.errorSummary(l, List.<String[]>of(new String[] {POSTCODE, m}))));
    b.append(Html.h1(label));
    // A search changes nothing: a GET form, so the browser's back button and a shared link work.
    b.append("<form method=\"get\" action=\"").append(Html.a(ex.url(ex.path()))).append("\" novalidate>")
        .append(Html.input(l, POSTCODE, "text", ex.text("address.find.postcode"),
            Optional.of(ex.text("address.find.postcode.hint")), error, typed, "postal-code",
            "govuk-input--width-10"))
        .append(Html.button(ex.text("address.find.button"), Optional.empty(), false, "find"))
        .append("</form>")
        .append("<p class=\"govuk-body\">")
        .append(Html.link(manualHref(ex.url(ex.path()), typed), ex.text("address.find.manual"), "manual")).append("</p>");
    return ex.page(label, b.toString(), o.errors(error.isPresent()));
  }

  private WebResponse choicePage(ExchangeImpl ex, Question q, PostcodeSearch.Found f, Optional<String> error,
      PageOptions o) {
    Locale l = ex.locale();
    String label = q.label().in(l);
    int n = f.addresses().size();
    StringBuilder b = new StringBuilder();
    error.ifPresent(m -> b.append(Html.errorSummary(l, List.<String[]>of(new String[] {CHOICE, m}))));
    b.append(Html.h1(label));
    b.append("<p class=\"govuk-body\">")
        .append(Html.e((n == 1 ? ex.text("address.find.found.one") : ex.text("address.find.found.many"))
            .replace("{count}", String.valueOf(n)).replace("{postcode}", f.postcode())))
        .append(" ").append(Html.link(ex.url(ex.path()), ex.text("address.find.change"), "change-postcode")).append("</p>");
    b.append("<form method=\"post\" action=\"").append(Html.a(ex.url(ex.path()))).append("\" novalidate>")
        .append(ex.csrfField()).append(Html.hidden(POSTCODE, f.postcode()));
    b.append("<div class=\"govuk-form-group").append(error.isPresent() ? " govuk-form-group--error" : "").append("\">")
        .append("<label class=\"govuk-label\" for=\"").append(CHOICE).append("\">")
        .append(Html.e(ex.text("address.find.select"))).append("</label>");
    error.ifPresent(m -> b.append(Html.errorMessage(l, CHOICE, m)));
    b.append("<select class=\"govuk-select").append(error.isPresent() ? " govuk-select--error" : "")
        .append("\" id=\"").append(CHOICE).append("\" name=\"").append(CHOICE).append("\"")
        .append(error.isPresent() ? " aria-describedby=\"" + CHOICE + "-error\"" : "").append(">")
        .append("<option value=\"\">").append(Html.e(ex.text(n == 1 ? "address.find.count.one" : "address.find.count.many")
            .replace("{count}", String.valueOf(n)))).append("</option>");
    for (Address a : f.addresses()) {
      b.append("<option value=\"").append(Html.a(a.uprn())).append("\">").append(Html.e(a.singleLine()))
          .append("</option>");
    }
    b.append("</select></div>")
        .append(Html.button(ex.text("continue"), Optional.empty(), false, "continue")).append("</form>")
        .append("<p class=\"govuk-body\">")
        .append(Html.link(manualHref(ex.url(ex.path()), f.postcode()), ex.text("address.find.notlisted"), "manual"))
        .append("</p>");
    return ex.page(label, b.toString(), o);
  }

  private WebResponse noneFoundPage(ExchangeImpl ex, Question q, String postcode, PageOptions o) {
    Locale l = ex.locale();
    String label = q.label().in(l);
    String content = Html.h1(label)
        + Html.p(ex.text("address.find.none").replace("{postcode}", postcode))
        + "<p class=\"govuk-body\">" + Html.link(manualHref(ex.url(ex.path()), postcode), ex.text("address.find.manual"), "manual")
        + "</p><p class=\"govuk-body\">" + Html.link(ex.url(ex.path()), ex.text("address.find.again"), "search-again") + "</p>";
    return ex.page(label, content, o);
  }

  private static String manualHref(String path, String postcode) {
    return path + "?" + MANUAL + "=1" + (postcode.isBlank() ? ""
        : "&" + POSTCODE + "=" + URLEncoder.encode(postcode.strip(), StandardCharsets.UTF_8));
  }

  private static String first(Map<String, List<String>> input, String name) {
    List<String> v = input.getOrDefault(name, new ArrayList<>());
    return v.isEmpty() ? "" : v.get(0);
  }
}
