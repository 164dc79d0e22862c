package io.civickit.forms;

import io.civickit.core.Journey;
import io.civickit.core.condition.Condition;
import io.civickit.forms.internal.journey.CompiledForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a form: a journey step asking questions, with guidance above them, or a content
 * page with guidance only.
 *
 * @param id the step id, unique within the form
 * @param title optional page heading (one-question pages use the question label); a page with
 *     content needs one, since the content comes between the heading and the questions
 * @param section optional id of the {@link Section} this page belongs to
 * @param questions the questions, in order; none on a content page
 * @param showIf optional condition that must hold for the page to be on the route
 * @param content guidance shown above the questions, in order (see {@link Content})
 * @param repeat a repeating set of pages asked once per item, with this page's id as its step and
 *     answer key; such a page asks no questions of its own (see {@link RepeatingSet})
 */
public record Page(String id, Optional<LocalisedText> title, Optional<String> section,
    List<Question> questions, Optional<String> showIf, List<Content> content, Optional<RepeatingSet> repeat) {

  /** Most questions one page may ask. */
  public static final int MAX_QUESTIONS = 50;

  /** Most pieces of content one page may show. */
  public static final int MAX_CONTENT = 50;

  /**
   * A page without content (the shape before content existed).
   *
   * @param id the step id
   * @param title optional page heading
   * @param section optional section id
   * @param questions the questions, at least one
   * @param showIf optional show-if condition
   */
  public Page(String id, Optional<LocalisedText> title, Optional<String> section, List<Question> questions,
      Optional<String> showIf) {
    this(id, title, section, questions, showIf, List.of(), Optional.empty());
  }

  /**
   * A page without a repeating set (the shape before repeating sets existed).
   *
   * @param id the step id
   * @param title optional page heading
   * @param section optional section id
   * @param questions the questions
   * @param showIf optional show-if condition
   * @param content guidance shown above the questions
   */
  public Page(String id, Optional<LocalisedText> title, Optional<String> section, List<Question> questions,
      Optional<String> showIf, List<Content> content) {
    this(id, title, section, questions, showIf, content, Optional.empty());
  }

  /**
   * Checks each question an option reveals: on this page, after the question revealing it,
   * revealed by one option only, revealing none itself (GOV.UK advises against nesting).
   */
  private static void checkReveals(String pageId, List<Question> questions) {
    java.util.Map<String, String> revealedBy = new java.util.HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      for (Option o : q.options()) {
        for (String target : o.reveals()) {
          int at = -1;
          for (int k = 0; k < questions.size(); k++) {
            if (questions.get(k).id().equals(target)) {
              at = k;
            }
          }
          String where = "page '" + pageId + "': option '" + o.value() + "' of question '" + q.id() + "' reveals '"
              + target + "'";
          if (at < 0) {
            throw new IllegalArgumentException(where + ", which is not a question on this page");
          }
          if (at <= i) {
            throw new IllegalArgumentException(where + ", which must come after '" + q.id() + "' on the page");
          }
          String before = revealedBy.putIfAbsent(target, "option '" + o.value() + "' of question '" + q.id() + "'");
          if (before != null) {
            throw new IllegalArgumentException(where + ", which " + before + " already reveals");
          }
          if (questions.get(at).options().stream().anyMatch(x -> !x.reveals().isEmpty())) {
            throw new IllegalArgumentException(where + ", which reveals questions itself; a revealed question "
                + "cannot reveal more");
          }
        }
      }
    }
  }

  /**
   * The option that reveals a question of this page, with the question it belongs to.
   *
   * @param questionId a question id
   * @return the revealing question and option, empty when the question is not revealed by one
   */
  public Optional<java.util.Map.Entry<Question, Option>> revealedBy(String questionId) {
    for (Question q : questions) {
      for (Option o : q.options()) {
        if (o.reveals().contains(questionId)) {
          return Optional.of(java.util.Map.entry(q, o));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the page has guidance only: nothing to answer, Continue moves on.
   *
   * @return true when the page asks no questions
   */
  public boolean contentOnly() {
    return questions.isEmpty() && repeat.isEmpty();
  }

  /**
   * This page as a journey shows it: content whose show-if holds for the journey's answers and
   * attributes is kept (without its condition, so the renderer shows it), the rest dropped.
   * {@link io.civickit.forms.html.FormRenderer} shows content with a show-if only once resolved
   * this way, so a condition is never shown by mistake.
   *
   * @param journey the journey
   * @param today today's date, for conditions on dates
   * @return a copy with every show-if of its content resolved
   */
  public Page shownTo(Journey journey, LocalDate today) {
    if (content.stream().noneMatch(c -> c.showIf().isPresent())) {
      return this;
    }
    var ctx = CompiledForm.context(journey, journey.values(), today);
    List<Content> shown = new ArrayList<>();
    for (Content c : content) {
      if (c.showIf().isEmpty()) {
        shown.add(c);
      } else if (Condition.parse(c.showIf().get()).test(ctx)) {
        shown.add(new Content(c.kind(), c.summary(), c.text(), Optional.empty()));
      }
    }
    return new Page(id, title, section, questions, showIf, shown, repeat);
  }

  /** Validates the page. */
  public Page {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("page id '" + id + "' must be lower-case letters, digits and hyphens");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(showIf, "showIf");
    questions = List.copyOf(questions);
    content = List.copyOf(content);
    Objects.requireNonNull(repeat, "repeat");
    if (repeat.isPresent() && !questions.isEmpty()) {
      throw new IllegalArgumentException("page '" + id + "' has a repeating set, so it cannot ask questions of its own; "
          + "put them on the set's pages");
    }
    if (questions.isEmpty() && content.isEmpty() && repeat.isEmpty()) {
      throw new IllegalArgumentException("page '" + id + "' needs at least one question or some content");
    }
    if (!content.isEmpty() && title.isEmpty()) {
      throw new IllegalArgumentException("page '" + id + "' has content, so it needs a title (its heading, "
          + "above the content)");
    }
    checkReveals(id, questions);
    if (content.size() > MAX_CONTENT) {
      throw new IllegalArgumentException("page '" + id + "' has " + content.size() + " pieces of content; at most "
          + MAX_CONTENT);
    }
    if (questions.size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("page '" + id + "' has " + questions.size() + " questions; at most "
          + MAX_QUESTIONS);
    }
  }

  /**
   * Starts a builder.
   *
   * @param id the page id
   * @return a builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builder for {@link Page}. */
  public static final class Builder {
    private final String id;
    private LocalisedText title;
    private String section;
    private String showIf;
    private final List<Question> questions = new ArrayList<>();
    private final List<Content> content = new ArrayList<>();
    private RepeatingSet repeat;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * The page heading. Without one, a one-question page uses the question's label.
     *
     * @param en the English heading
     * @param cy the Welsh heading
     * @return this builder
     */
    public Builder title(String en, String cy) {
      this.title = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * The page heading in English only, for a form in English only.
     *
     * @param en the English heading
     * @return this builder
     */
    public Builder title(String en) {
      this.title = LocalisedText.english(en);
      return this;
    }

    /**
     * Puts the page in a section of the form.
     *
     * @param sectionId the id of a section the form declares
     * @return this builder
     */
    public Builder section(String sectionId) {
      this.section = sectionId;
      return this;
    }

    /**
     * Puts the page on the route only when a condition holds.
     *
     * @param condition the condition, in the condition language
     * @return this builder
     */
    public Builder showIf(String condition) {
      this.showIf = condition;
      return this;
    }

    /**
     * Adds a question, after those already added.
     *
     * @param question the question
     * @return this builder
     */
    public Builder question(Question question) {
      this.questions.add(question);
      return this;
    }

    /**
     * Adds guidance, after that already added, shown above the questions.
     *
     * @param piece the content
     * @return this builder
     */
    public Builder content(Content piece) {
      this.content.add(piece);
      return this;
    }

    /**
     * Makes this page a repeating set: its pages are asked once per item, followed by the "add to
     * a list" summary. The page then asks no questions of its own.
     *
     * @param set the set
     * @return this builder
     */
    public Builder repeat(RepeatingSet set) {
      this.repeat = set;
      return this;
    }

    /**
     * Builds the page.
     *
     * @return the immutable page
     * @throws IllegalArgumentException naming the bad value, such as an invalid id, or neither
     *     questions nor content
     */
    public Page build() {
      return new Page(id, Optional.ofNullable(title), Optional.ofNullable(section), questions,
          Optional.ofNullable(showIf), content, Optional.ofNullable(repeat));
    }
  }
}
