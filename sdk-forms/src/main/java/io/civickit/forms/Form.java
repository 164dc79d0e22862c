package io.civickit.forms;

import io.civickit.forms.validation.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A form: pages of questions, optional sections, conditional routes and ends. Immutable and
 * equal by value, whether built with {@link #builder(String, int)} or read by {@link Forms#read(String)}.
 *
 * <p>Pages are asked in order; a {@link FormRoute} can jump ahead or to an end. After the last
 * page the person sees check answers (step {@link #CHECK_ANSWERS}) and then the end whose outcome
 * is {@code SUCCESS}.
 *
 * @param id the form id, used as the journey definition id
 * @param version the form version, at least 1
 * @param title the form title (service name)
 * @param sections the sections, possibly empty
 * @param pages the pages, in order
 * @param routes conditional jumps
 * @param ends the end pages, at least one
 * @param messages the form's own error message templates, by message key (see
 *     {@link io.civickit.forms.validation.Messages#keys()}), replacing the built-in ones
 * @param languages the languages the form is written in, English first: {@code ["en"]} or
 *     {@code ["en", "cy"]} (the default); every text needs each declared language
 */
public record Form(String id, int version, LocalisedText title, List<Section> sections, List<Page> pages,
    List<FormRoute> routes, List<FormEnd> ends, Map<String, LocalisedText> messages, List<String> languages) {

  /** The languages of a form that does not declare them: English and Welsh. */
  public static final List<String> DEFAULT_LANGUAGES = List.of("en", "cy");

  /** The languages a form may declare. */
  public static final Set<String> KNOWN_LANGUAGES = Set.of("en", "cy");

  /** Step id of the check-your-answers page. */
  public static final String CHECK_ANSWERS = "check-answers";

  /** Most questions a form may hold (counting the item questions of repeating groups), against abuse and mistakes. */
  public static final int MAX_QUESTIONS = 500;

  /** Most pages a form may hold. */
  public static final int MAX_PAGES = 200;

  /** Most options one radios, checkboxes or select question may offer. */
  public static final int MAX_OPTIONS = 500;

  /** Most item questions in one repeating group. */
  public static final int MAX_GROUP_QUESTIONS = 20;

  /** Most sections, routes and ends a form may hold, each. */
  public static final int MAX_PARTS = 500;

  /**
   * Validates the form: unique ids, known targets, known sections, at least one end, known
   * languages, and every text in each declared language.
   */
  public Form {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    languages = List.copyOf(languages);
    if (languages.isEmpty() || !"en".equals(languages.get(0)) || new HashSet<>(languages).size() != languages.size()
        || !KNOWN_LANGUAGES.containsAll(languages)) {
      throw new IllegalArgumentException("form '" + id + "': languages " + languages
          + " must be [\"en\"] or [\"en\", \"cy\"]");
    }
    if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("form id '" + id + "' must be lower-case letters, digits and hyphens");
    }
    if (version < 1) {
      throw new IllegalArgumentException("form '" + id + "' version " + version + " must be at least 1");
    }
    sections = List.copyOf(sections);
    messages = Collections.unmodifiableMap(new TreeMap<>(messages));
    Set<String> known = Messages.keys();
    for (String key : messages.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("form '" + id + "': unknown message key '" + key + "'; the keys are " + known);
      }
    }
    pages = List.copyOf(pages);
    routes = List.copyOf(routes);
    ends = List.copyOf(ends);
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("form '" + id + "' has no pages");
    }
    if (ends.isEmpty()) {
      throw new IllegalArgumentException("form '" + id + "' has no ends");
    }
    if (pages.size() > MAX_PAGES) {
      throw new IllegalArgumentException("form '" + id + "' has " + pages.size() + " pages; at most " + MAX_PAGES);
    }
    if (sections.size() > MAX_PARTS || routes.size() > MAX_PARTS || ends.size() > MAX_PARTS) {
      throw new IllegalArgumentException("form '" + id + "' has more than " + MAX_PARTS
          + " sections, routes or ends");
    }
    Set<String> stepIds = new HashSet<>();
    stepIds.add(CHECK_ANSWERS);
    Set<String> questionIds = new HashSet<>();
    Set<String> sectionIds = new HashSet<>();
    for (Section s : sections) {
      if (!sectionIds.add(s.id())) {
        throw new IllegalArgumentException("form '" + id + "': section id '" + s.id() + "' is used twice");
      }
    }
    int count = 0;
    for (Page p : pages) {
      if (!stepIds.add(p.id())) {
        throw new IllegalArgumentException("form '" + id + "': page id '" + p.id() + "' is used twice or reserved");
      }
      if (p.section().isPresent() && !sectionIds.contains(p.section().get())) {
        throw new IllegalArgumentException("page '" + p.id() + "' names unknown section '" + p.section().get() + "'");
      }
      for (Question q : p.questions()) {
        count += 1 + q.items().size();
        if (!questionIds.add(q.id())) {
          throw new IllegalArgumentException("form '" + id + "': question id '" + q.id() + "' is used twice");
        }
        checkLimits(q);
      }
      for (Question q : p.repeat().map(RepeatingSet::questions).orElse(List.of())) {
        count++;
        if (!questionIds.add(q.id())) {
          throw new IllegalArgumentException("form '" + id + "': question id '" + q.id() + "' is used twice");
        }
        checkLimits(q);
      }
    }
    if (count > MAX_QUESTIONS) {
      throw new IllegalArgumentException("form '" + id + "' has " + count + " questions; at most " + MAX_QUESTIONS);
    }
    for (FormEnd e : ends) {
      if (!stepIds.add(e.id())) {
        throw new IllegalArgumentException("form '" + id + "': end id '" + e.id() + "' is used twice");
      }
    }
    for (FormRoute r : routes) {
      if (pages.stream().noneMatch(p -> p.id().equals(r.from()))) {
        throw new IllegalArgumentException("route from unknown page '" + r.from() + "'");
      }
      if (!stepIds.contains(r.to())) {
        throw new IllegalArgumentException("route from '" + r.from() + "' goes to unknown step '" + r.to() + "'");
      }
    }
    if (ends.stream().noneMatch(e -> e.outcome() == io.civickit.core.Outcome.SUCCESS)) {
      throw new IllegalArgumentException("form '" + id + "' needs an end with outcome SUCCESS (the confirmation)");
    }
    if (languages.contains("cy")) {
      FormTexts.requireWelsh(id, title, sections, pages, ends, messages);
    }
  }

  /**
   * A form in English and Welsh ({@link #DEFAULT_LANGUAGES}).
   *
   * @param id the form id
   * @param version the version
   * @param title the title
   * @param sections the sections
   * @param pages the pages
   * @param routes the routes
   * @param ends the ends
   * @param messages the form's own error messages
   */
  public Form(String id, int version, LocalisedText title, List<Section> sections, List<Page> pages,
      List<FormRoute> routes, List<FormEnd> ends, Map<String, LocalisedText> messages) {
    this(id, version, title, sections, pages, routes, ends, messages, DEFAULT_LANGUAGES);
  }

  /**
   * Whether the form is written in Welsh as well as English.
   *
   * @return true when {@link #languages()} holds {@code cy}
   */
  public boolean welsh() {
    return languages.contains("cy");
  }

  /**
   * A form without message overrides.
   *
   * @param id the form id
   * @param version the version
   * @param title the title
   * @param sections the sections
   * @param pages the pages
   * @param routes the routes
   * @param ends the ends
   */
  public Form(String id, int version, LocalisedText title, List<Section> sections, List<Page> pages,
      List<FormRoute> routes, List<FormEnd> ends) {
    this(id, version, title, sections, pages, routes, ends, Map.of(), DEFAULT_LANGUAGES);
  }

  private static void checkLimits(Question q) {
    if (q.options().size() > MAX_OPTIONS) {
      throw new IllegalArgumentException("question '" + q.id() + "' has " + q.options().size()
          + " options; at most " + MAX_OPTIONS);
    }
    Set<String> values = new HashSet<>();
    for (Option o : q.options()) {
      if (!values.add(o.value())) {
        throw new IllegalArgumentException("question '" + q.id() + "' has option value '" + o.value() + "' twice");
      }
    }
    if (q.items().size() > MAX_GROUP_QUESTIONS) {
      throw new IllegalArgumentException("repeating group '" + q.id() + "' has " + q.items().size()
          + " questions; at most " + MAX_GROUP_QUESTIONS);
    }
    Set<String> itemIds = new HashSet<>();
    for (Question item : q.items()) {
      if (item.type() == QuestionType.REPEATING_GROUP) {
        throw new IllegalArgumentException("repeating group '" + q.id() + "' contains repeating group '"
            + item.id() + "'; groups do not nest");
      }
      if (!itemIds.add(item.id())) {
        throw new IllegalArgumentException("repeating group '" + q.id() + "': item id '" + item.id() + "' is used twice");
      }
      checkLimits(item);
    }
  }

  /**
   * Starts a builder.
   *
   * @param id the form id
   * @param version the version
   * @return a builder
   */
  public static Builder builder(String id, int version) {
    return new Builder(id, version);
  }

  /**
   * Finds a page.
   *
   * @param pageId the page id
   * @return the page, or empty
   */
  public Optional<Page> page(String pageId) {
    return pages.stream().filter(p -> p.id().equals(pageId)).findFirst();
  }

  /**
   * Finds a question anywhere in the form.
   *
   * @param questionId the question id
   * @return the question, or empty
   */
  public Optional<Question> question(String questionId) {
    return pages.stream().flatMap(p -> p.questions().stream()).filter(q -> q.id().equals(questionId)).findFirst();
  }

  /**
   * Every question in the form, page by page. Item questions of repeating groups are not listed
   * on their own.
   *
   * @return the questions, in page order
   */
  public List<Question> questions() {
    return pages.stream().flatMap(p -> p.questions().stream()).toList();
  }

  /** Builder for {@link Form}. */
  public static final class Builder {
    private final String id;
    private final int version;
    private LocalisedText title;
    private final List<Section> sections = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final List<FormRoute> routes = new ArrayList<>();
    private final List<FormEnd> ends = new ArrayList<>();
    private final Map<String, LocalisedText> messages = new LinkedHashMap<>();
    private List<String> languages = DEFAULT_LANGUAGES;

    private Builder(String id, int version) {
      this.id = id;
      this.version = version;
    }

    /**
     * The form's title, the service name. Required: {@link #build()} fails without it.
     *
     * @param en the English title
     * @param cy the Welsh title
     * @return this builder
     */
    public Builder title(String en, String cy) {
      this.title = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * The form's title in English only, for a form in English only.
     *
     * @param en the English title
     * @return this builder
     */
    public Builder title(String en) {
      this.title = LocalisedText.english(en);
      return this;
    }

    /**
     * The languages the form is written in; English and Welsh unless set. A form in English only
     * ({@code languages("en")}) needs no Welsh text.
     *
     * @param codes {@code "en"}, or {@code "en", "cy"}
     * @return this builder
     */
    public Builder languages(String... codes) {
      this.languages = List.of(codes);
      return this;
    }

    /**
     * Adds a section in English only.
     *
     * @param sectionId the section's id
     * @param en the English name
     * @return this builder
     */
    public Builder section(String sectionId, String en) {
      sections.add(new Section(sectionId, LocalisedText.english(en)));
      return this;
    }

    /**
     * Adds a section that pages can belong to.
     *
     * @param sectionId the section's id, named by {@link Page.Builder#section(String)}
     * @param en the English name
     * @param cy the Welsh name
     * @return this builder
     */
    public Builder section(String sectionId, String en, String cy) {
      sections.add(new Section(sectionId, LocalisedText.of(en, cy)));
      return this;
    }

    /**
     * Adds a page, after those already added; pages are asked in this order.
     *
     * @param page the page
     * @return this builder
     */
    public Builder page(Page page) {
      pages.add(page);
      return this;
    }

    /**
     * Adds a conditional jump. After page {@code from}, its routes are tried in the order added and
     * the first whose condition holds is taken.
     *
     * @param from the id of the page the route leaves
     * @param condition the condition, in the condition language
     * @param to the id of the page or end it goes to
     * @return this builder
     */
    public Builder route(String from, String condition, String to) {
      routes.add(new FormRoute(from, condition, to));
      return this;
    }

    /**
     * Adds an end page; a form needs at least one.
     *
     * @param end the end page
     * @return this builder
     */
    public Builder end(FormEnd end) {
      ends.add(end);
      return this;
    }

    /**
     * Replaces a built-in error message for this form, in both languages.
     *
     * @param key a message key such as {@code postcode.invalid}
     * @param en the English template, e.g. "Enter a postcode in Bryncoed, like CF10 1AA"
     * @param cy the Welsh template
     * @return this
     */
    public Builder message(String key, String en, String cy) {
      messages.put(key, LocalisedText.of(en, cy));
      return this;
    }

    /**
     * Replaces a built-in error message for this form, in English only.
     *
     * @param key a message key such as {@code postcode.invalid}
     * @param en the English template
     * @return this
     */
    public Builder message(String key, String en) {
      messages.put(key, LocalisedText.english(en));
      return this;
    }

    /**
     * Builds and checks the form.
     *
     * @return the immutable form
     * @throws IllegalArgumentException naming the first problem, such as a missing title or a route
     *     to a page that does not exist
     */
    public Form build() {
      if (title == null) {
        throw new IllegalArgumentException("form '" + id + "' needs a title");
      }
      return new Form(id, version, title, sections, pages, routes, ends, messages, languages);
    }
  }
}
