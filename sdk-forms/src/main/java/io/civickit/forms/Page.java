package io.civickit.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a form: a journey step asking one or more questions.
 *
 * @param id the step id, unique within the form
 * @param title optional page heading (one-question pages use the question label)
 * @param section optional id of the {@link Section} this page belongs to
 * @param questions the questions, in order, at least one
 * @param showIf optional condition that must hold for the page to be on the route
 */
public record Page(String id, Optional<LocalisedText> title, Optional<String> section,
    List<Question> questions, Optional<String> showIf) {

  /** Most questions one page may ask. */
  public static final int MAX_QUESTIONS = 50;

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
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("page '" + id + "' needs at least one question");
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
     * Builds the page.
     *
     * @return the immutable page
     * @throws IllegalArgumentException naming the bad value, such as an invalid id or no questions
     */
    public Page build() {
      return new Page(id, Optional.ofNullable(title), Optional.ofNullable(section), questions,
          Optional.ofNullable(showIf));
    }
  }
}
