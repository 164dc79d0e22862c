package io.civickit.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question on a page. Immutable; build with {@link #builder(String, QuestionType)} or load
 * from JSON with {@link Forms#read(String)}.
 *
 * @param id the answer key, unique within the form ({@code [a-z][a-z0-9_]*}, usable in conditions)
 * @param type the kind of question
 * @param label the question text
 * @param hint optional hint text
 * @param errorNoun the noun used in error messages, authored in both languages
 *     (e.g. "date of birth" / "dyddiad geni"); never derived from the label
 * @param required whether an answer is needed
 * @param showIf optional condition (condition language) that must hold for the question to be asked
 * @param maxLength the maximum characters accepted (text, textarea), always positive
 * @param min optional minimum for numbers and money
 * @param max optional maximum for numbers and money
 * @param options choices for radios, checkboxes and select
 * @param dateRule extra rule for date questions
 * @param maxFileBytes for files, the largest size accepted
 * @param fileTypes for files, the accepted media types (empty = any)
 * @param items for repeating groups, the questions asked for each item
 * @param minItems for repeating groups, the least number of items
 * @param maxItems for repeating groups (and checkboxes), the most items accepted
 * @param earliestDate for dates, the earliest date accepted (inclusive), on top of {@code dateRule}
 * @param latestDate for dates, the latest date accepted (inclusive), on top of {@code dateRule}
 * @param autocomplete the HTML {@code autocomplete} token for the input (e.g. {@code name},
 *     {@code bday} for a date of birth); the type's default when empty
 * @param errorSubject the name error messages use at the start of a sentence ("Date of birth
 *     must be a real date"), where {@code errorNoun} is the form after a verb ("Enter your date of
 *     birth"); when empty, see {@link #subject(java.util.Locale)}
 * @param messages this question's own error message templates, by message key, replacing the
 *     form's and the built-in ones for this question only
 * @param minLength for text and textarea, the fewest characters accepted (0: no minimum)
 * @param pattern for text, a regular expression the whole answer must match; its error message is
 *     the question's own {@code pattern.invalid} message, which the author must write
 * @param prefix for numbers and money, a unit shown before the input, such as "£" (money shows
 *     "£" unless set)
 * @param suffix for numbers and money, a unit shown after the input, such as "kg" or "per week"
 * @param maxWords for textareas, the most words accepted, counted as the character count
 *     component counts them (runs of characters between spaces); 0 for no word limit, when the
 *     character count shows the {@code maxLength} instead
 * @param accessibleAutocomplete for a select, whether it is marked for the Design System's
 *     accessible autocomplete: a host that serves the library turns the select into a box that
 *     filters the options as the person types; without JavaScript it stays a plain select, and
 *     the answer is validated the same either way
 */
// Over 500 lines and kept whole: one value, the question, with a component per setting of every
// type and a builder; the length is documented accessors and setters, not logic.
public record Question(
    String id,
    QuestionType type,
    LocalisedText label,
    Optional<LocalisedText> hint,
    LocalisedText errorNoun,
    boolean required,
    Optional<String> showIf,
    int maxLength,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    List<Option> options,
    DateRule dateRule,
    long maxFileBytes,
    List<String> fileTypes,
    List<Question> items,
    int minItems,
    int maxItems,
    Optional<LocalDate> earliestDate,
    Optional<LocalDate> latestDate,
    Optional<String> autocomplete,
    Optional<LocalisedText> errorSubject,
    Map<String, LocalisedText> messages,
    int minLength,
    Optional<String> pattern,
    Optional<LocalisedText> prefix,
    Optional<LocalisedText> suffix,
    int maxWords,
    boolean accessibleAutocomplete) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern AUTOCOMPLETE = Pattern.compile("[a-z0-9-]{1,40}( [a-z0-9-]{1,40}){0,3}");

  /** Default character limit for text answers. */
  public static final int DEFAULT_MAX_LENGTH = 500;

  /** Validates the question eagerly, naming the bad value. */
  public Question {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("question id '" + id + "' must match " + ID.pattern());
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(errorNoun, "errorNoun");
    Objects.requireNonNull(showIf, "showIf");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(dateRule, "dateRule");
    options = List.copyOf(options);
    fileTypes = List.copyOf(fileTypes);
    items = List.copyOf(items);
    if (maxLength < 1 || maxLength > 100_000) {
      throw new IllegalArgumentException("question '" + id + "': maxLength " + maxLength + " not in 1..100000");
    }
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw new IllegalArgumentException("question '" + id + "': min " + min.get() + " is above max " + max.get());
    }
    boolean choice = type == QuestionType.RADIOS || type == QuestionType.CHECKBOXES || type == QuestionType.SELECT;
    if (choice && options.isEmpty()) {
      throw new IllegalArgumentException("question '" + id + "' of type " + type.jsonName() + " needs options");
    }
    for (Option o : options) {
      if (!o.reveals().isEmpty() && type != QuestionType.RADIOS && type != QuestionType.CHECKBOXES
          && type != QuestionType.YES_NO) {
        throw new IllegalArgumentException("question '" + id + "': option '" + o.value() + "' reveals questions, "
            + "which only radios, checkboxes and yes/no can do, but the type is " + type.jsonName());
      }
      if (o.exclusive() && type != QuestionType.CHECKBOXES) {
        throw new IllegalArgumentException("question '" + id + "': option '" + o.value()
            + "' is exclusive, which only checkboxes can have, but the type is " + type.jsonName());
      }
    }
    if (type == QuestionType.DECLARATION && !required) {
      throw new IllegalArgumentException("declaration '" + id + "' must be required: it is there to be ticked");
    }
    if (type == QuestionType.REPEATING_GROUP && items.isEmpty()) {
      throw new IllegalArgumentException("repeating group '" + id + "' needs item questions");
    }
    if (minItems < 0 || maxItems < Math.max(1, minItems) || maxItems > 1000) {
      throw new IllegalArgumentException("question '" + id + "': items " + minItems + ".." + maxItems + " is not a valid range");
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("question '" + id + "': maxFileBytes " + maxFileBytes + " must be positive");
    }
    Objects.requireNonNull(earliestDate, "earliestDate");
    Objects.requireNonNull(latestDate, "latestDate");
    Objects.requireNonNull(autocomplete, "autocomplete");
    if (earliestDate.isPresent() && latestDate.isPresent() && earliestDate.get().isAfter(latestDate.get())) {
      throw new IllegalArgumentException("question '" + id + "': earliest date " + earliestDate.get()
          + " is after latest date " + latestDate.get());
    }
    if (autocomplete.isPresent() && !AUTOCOMPLETE.matcher(autocomplete.get()).matches()) {
      throw new IllegalArgumentException("question '" + id + "': autocomplete '" + autocomplete.get()
          + "' must be HTML autocomplete tokens such as 'name' or 'bday'");
    }
    Objects.requireNonNull(errorSubject, "errorSubject");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
    boolean numeric = type == QuestionType.WHOLE_NUMBER || type == QuestionType.DECIMAL || type == QuestionType.MONEY;
    if ((prefix.isPresent() || suffix.isPresent()) && !numeric) {
      throw new IllegalArgumentException("question '" + id + "': a prefix or suffix is for numbers and money, not "
          + type.jsonName());
    }
    if (maxWords < 0 || maxWords > 10_000) {
      throw new IllegalArgumentException("question '" + id + "': maxWords " + maxWords + " not in 0..10000");
    }
    if (maxWords > 0 && type != QuestionType.TEXTAREA) {
      throw new IllegalArgumentException("question '" + id + "': a word limit is for textareas, not " + type.jsonName());
    }
    if (minLength < 0 || minLength > maxLength) {
      throw new IllegalArgumentException("question '" + id + "': minLength " + minLength + " not in 0.." + maxLength
          + " (the maxLength)");
    }
    if (pattern.isPresent()) {
      if (pattern.get().length() > 1000) {
        throw new IllegalArgumentException("question '" + id + "': pattern is longer than 1000 characters");
      }
      try {
        Pattern.compile(pattern.get());
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("question '" + id + "': pattern '" + pattern.get()
            + "' is not a regular expression: " + e.getDescription());
      }
      if (!messages.containsKey("pattern.invalid")) {
        throw new IllegalArgumentException("question '" + id + "' has a pattern but no message 'pattern.invalid' "
            + "saying what the answer must look like");
      }
    }
    if (accessibleAutocomplete && type != QuestionType.SELECT) {
      throw new IllegalArgumentException("question '" + id + "': the accessible autocomplete is for a select, not "
          + type.jsonName());
    }
    messages = Collections.unmodifiableMap(new TreeMap<>(messages));
    java.util.Set<String> known = io.civickit.forms.validation.Messages.keys();
    for (String key : messages.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("question '" + id + "': unknown message key '" + key + "'; the keys are "
            + known);
      }
    }
  }

  /**
   * The question without the accessible autocomplete (the shape before it existed).
   *
   * @param id the answer key
   * @param type the kind of question
   * @param label the question text
   * @param hint optional hint text
   * @param errorNoun the noun after a verb in error messages
   * @param required whether an answer is needed
   * @param showIf optional show-if condition
   * @param maxLength the maximum characters accepted
   * @param min optional minimum for numbers and money
   * @param max optional maximum for numbers and money
   * @param options choices for radios, checkboxes and select
   * @param dateRule extra rule for date questions
   * @param maxFileBytes for files, the largest size accepted
   * @param fileTypes for files, the accepted media types
   * @param items for repeating groups, the questions asked for each item
   * @param minItems the least number of items
   * @param maxItems the most items accepted
   * @param earliestDate the earliest date accepted
   * @param latestDate the latest date accepted
   * @param autocomplete the HTML autocomplete token
   * @param errorSubject the name at the start of a sentence in error messages
   * @param messages the question's own error messages
   * @param minLength the fewest characters accepted
   * @param pattern a regular expression the answer must match
   * @param prefix a unit before the input
   * @param suffix a unit after the input
   * @param maxWords the most words, 0 for no word limit
   */
  public Question(String id, QuestionType type, LocalisedText label, Optional<LocalisedText> hint,
      LocalisedText errorNoun, boolean required, Optional<String> showIf, int maxLength,
      Optional<BigDecimal> min, Optional<BigDecimal> max, List<Option> options, DateRule dateRule,
      long maxFileBytes, List<String> fileTypes, List<Question> items, int minItems, int maxItems,
      Optional<LocalDate> earliestDate, Optional<LocalDate> latestDate, Optional<String> autocomplete,
      Optional<LocalisedText> errorSubject, Map<String, LocalisedText> messages, int minLength,
      Optional<String> pattern, Optional<LocalisedText> prefix, Optional<LocalisedText> suffix, int maxWords) {
    this(id, type, label, hint, errorNoun, required, showIf, maxLength, min, max, options, dateRule,
        maxFileBytes, fileTypes, items, minItems, maxItems, earliestDate, latestDate, autocomplete,
        errorSubject, messages, minLength, pattern, prefix, suffix, maxWords, false);
  }

  /**
   * The question without a word limit (the shape before word counts existed).
   *
   * @param id the answer key
   * @param type the kind of question
   * @param label the question text
   * @param hint optional hint text
   * @param errorNoun the noun after a verb in error messages
   * @param required whether an answer is needed
   * @param showIf optional show-if condition
   * @param maxLength the maximum characters accepted
   * @param min optional minimum for numbers and money
   * @param max optional maximum for numbers and money
   * @param options choices for radios, checkboxes and select
   * @param dateRule extra rule for date questions
   * @param maxFileBytes for files, the largest size accepted
   * @param fileTypes for files, the accepted media types
   * @param items for repeating groups, the questions asked for each item
   * @param minItems the least number of items
   * @param maxItems the most items accepted
   * @param earliestDate the earliest date accepted
   * @param latestDate the latest date accepted
   * @param autocomplete the HTML autocomplete token
   * @param errorSubject the name at the start of a sentence in error messages
   * @param messages the question's own error messages
   * @param minLength the fewest characters accepted
   * @param pattern a regular expression the answer must match
   * @param prefix a unit before the input
   * @param suffix a unit after the input
   */
  public Question(String id, QuestionType type, LocalisedText label, Optional<LocalisedText> hint,
      LocalisedText errorNoun, boolean required, Optional<String> showIf, int maxLength,
      Optional<BigDecimal> min, Optional<BigDecimal> max, List<Option> options, DateRule dateRule,
      long maxFileBytes, List<String> fileTypes, List<Question> items, int minItems, int maxItems,
      Optional<LocalDate> earliestDate, Optional<LocalDate> latestDate, Optional<String> autocomplete,
      Optional<LocalisedText> errorSubject, Map<String, LocalisedText> messages, int minLength,
      Optional<String> pattern, Optional<LocalisedText> prefix, Optional<LocalisedText> suffix) {
    this(id, type, label, hint, errorNoun, required, showIf, maxLength, min, max, options, dateRule,
        maxFileBytes, fileTypes, items, minItems, maxItems, earliestDate, latestDate, autocomplete,
        errorSubject, messages, minLength, pattern, prefix, suffix, 0);
  }

  /**
   * The question without an error subject, its own messages, text rules or units (the shape
   * before those settings existed).
   *
   * @param id the answer key
   * @param type the kind of question
   * @param label the question text
   * @param hint optional hint text
   * @param errorNoun the noun used in error messages
   * @param required whether an answer is needed
   * @param showIf optional show-if condition
   * @param maxLength the maximum characters accepted
   * @param min optional minimum for numbers and money
   * @param max optional maximum for numbers and money
   * @param options choices for radios, checkboxes and select
   * @param dateRule extra rule for date questions
   * @param maxFileBytes for files, the largest size accepted
   * @param fileTypes for files, the accepted media types
   * @param items for repeating groups, the questions asked for each item
   * @param minItems the least number of items
   * @param maxItems the most items accepted
   * @param earliestDate the earliest date accepted
   * @param latestDate the latest date accepted
   * @param autocomplete the HTML autocomplete token
   */
  public Question(String id, QuestionType type, LocalisedText label, Optional<LocalisedText> hint,
      LocalisedText errorNoun, boolean required, Optional<String> showIf, int maxLength,
      Optional<BigDecimal> min, Optional<BigDecimal> max, List<Option> options, DateRule dateRule,
      long maxFileBytes, List<String> fileTypes, List<Question> items, int minItems, int maxItems,
      Optional<LocalDate> earliestDate, Optional<LocalDate> latestDate, Optional<String> autocomplete) {
    this(id, type, label, hint, errorNoun, required, showIf, maxLength, min, max, options, dateRule,
        maxFileBytes, fileTypes, items, minItems, maxItems, earliestDate, latestDate, autocomplete,
        Optional.empty(), Map.of(), 0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The name error messages use at the start of a sentence, such as "Date of birth" in "Date of
   * birth must be a real date": the authored {@link #errorSubject()} when there is one; otherwise,
   * in English, the {@link #errorNoun()} without a leading "your" and with a capital first letter
   * ("your date of birth" gives "Date of birth"), and in Welsh the Welsh error noun as it is (Welsh
   * messages put it after "Rhaid i").
   *
   * @param locale the language
   * @return the subject
   */
  public String subject(Locale locale) {
    if (errorSubject.isPresent()) {
      return errorSubject.get().in(locale);
    }
    boolean welsh = "cy".equals(locale.getLanguage()) && errorNoun.hasWelsh();
    if (welsh) {
      return errorNoun.cy();
    }
    String noun = errorNoun.en().strip();
    if (noun.regionMatches(true, 0, "your ", 0, 5) && noun.length() > 5) {
      noun = noun.substring(5).strip();
    }
    int first = noun.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(noun, Character.charCount(first), noun.length()).toString();
  }

  /**
   * The question without date bounds or autocomplete (the shape before those settings existed).
   *
   * @param id the answer key
   * @param type the kind of question
   * @param label the question text
   * @param hint optional hint text
   * @param errorNoun the noun used in error messages
   * @param required whether an answer is needed
   * @param showIf optional show-if condition
   * @param maxLength the maximum characters accepted
   * @param min optional minimum for numbers and money
   * @param max optional maximum for numbers and money
   * @param options choices for radios, checkboxes and select
   * @param dateRule extra rule for date questions
   * @param maxFileBytes for files, the largest size accepted
   * @param fileTypes for files, the accepted media types
   * @param items for repeating groups, the questions asked for each item
   * @param minItems the least number of items
   * @param maxItems the most items accepted
   */
  public Question(String id, QuestionType type, LocalisedText label, Optional<LocalisedText> hint,
      LocalisedText errorNoun, boolean required, Optional<String> showIf, int maxLength,
      Optional<BigDecimal> min, Optional<BigDecimal> max, List<Option> options, DateRule dateRule,
      long maxFileBytes, List<String> fileTypes, List<Question> items, int minItems, int maxItems) {
    this(id, type, label, hint, errorNoun, required, showIf, maxLength, min, max, options, dateRule,
        maxFileBytes, fileTypes, items, minItems, maxItems, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of(), 0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Starts a builder.
   *
   * @param id the answer key
   * @param type the question type
   * @return a builder
   */
  public static Builder builder(String id, QuestionType type) {
    return new Builder(id, type);
  }

  /** Extra rule a date answer must meet. */
  public enum DateRule {
    /** Any real date. */
    ANY,
    /** Must be before today. */
    PAST,
    /** Must be after today. */
    FUTURE,
    /** Today or before. */
    TODAY_OR_PAST,
    /** Today or after. */
    TODAY_OR_FUTURE
  }

  /** Builder for {@link Question}; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final QuestionType type;
    private LocalisedText label;
    private LocalisedText hint;
    private LocalisedText errorNoun;
    private boolean required = true;
    private String showIf;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private boolean maxLengthGiven;
    private BigDecimal min;
    private BigDecimal max;
    private final List<Option> options = new ArrayList<>();
    private DateRule dateRule = DateRule.ANY;
    private long maxFileBytes = 10L * 1024 * 1024;
    private final List<String> fileTypes = new ArrayList<>();
    private final List<Question> items = new ArrayList<>();
    private int minItems = 0;
    private int maxItems = 50;
    private LocalDate earliestDate;
    private LocalDate latestDate;
    private String autocomplete;
    private LocalisedText errorSubject;
    private final Map<String, LocalisedText> messages = new LinkedHashMap<>();
    private int minLength;
    private int maxWords;
    private String pattern;
    private LocalisedText prefix;
    private LocalisedText suffix;
    private boolean accessibleAutocomplete;

    private Builder(String id, QuestionType type) {
      this.id = Objects.requireNonNull(id, "id");
      this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * The question text. Required: {@link #build()} fails without it.
     *
     * @param en the English text
     * @param cy the Welsh text
     * @return this builder
     */
    public Builder label(String en, String cy) {
      this.label = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * Hint text shown under the label.
     *
     * @param en the English hint
     * @param cy the Welsh hint
     * @return this builder
     */
    public Builder hint(String en, String cy) {
      this.hint = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * The noun error messages use for this answer, such as "date of birth" / "dyddiad geni".
     * Required: {@link #build()} fails without it, as it is never derived from the label.
     *
     * @param en the English noun
     * @param cy the Welsh noun
     * @return this builder
     */
    public Builder errorNoun(String en, String cy) {
      this.errorNoun = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * The name error messages use at the start of a sentence, such as "Hours worked a week" in
     * "Hours worked a week must be a number, like 30"; see {@link Question#subject(Locale)} for
     * the default.
     *
     * @param en the English subject
     * @param cy the Welsh subject, as it reads after "Rhaid i"
     * @return this builder
     */
    public Builder errorSubject(String en, String cy) {
      this.errorSubject = LocalisedText.of(en, cy);
      return this;
    }

    /**
     * The error subject in English only, for a form in English only.
     *
     * @param en the English subject
     * @return this builder
     */
    public Builder errorSubject(String en) {
      this.errorSubject = LocalisedText.english(en);
      return this;
    }

    /**
     * The question text in English only, for a form in English only.
     *
     * @param en the English text
     * @return this builder
     */
    public Builder label(String en) {
      this.label = LocalisedText.english(en);
      return this;
    }

    /**
     * The hint in English only, for a form in English only.
     *
     * @param en the English hint
     * @return this builder
     */
    public Builder hint(String en) {
      this.hint = LocalisedText.english(en);
      return this;
    }

    /**
     * The error noun in English only, for a form in English only.
     *
     * @param en the English noun, such as "your date of birth"
     * @return this builder
     */
    public Builder errorNoun(String en) {
      this.errorNoun = LocalisedText.english(en);
      return this;
    }

    /**
     * Replaces an error message for this question only, in both languages.
     *
     * @param key a message key such as {@code number.invalid}
     * @param en the English template
     * @param cy the Welsh template
     * @return this builder
     */
    public Builder message(String key, String en, String cy) {
      this.messages.put(key, LocalisedText.of(en, cy));
      return this;
    }

    /**
     * Replaces an error message for this question only, in English only.
     *
     * @param key a message key
     * @param en the English template
     * @return this builder
     */
    public Builder message(String key, String en) {
      this.messages.put(key, LocalisedText.english(en));
      return this;
    }

    /**
     * Adds a choice made with {@link Option}'s factories, for a hint, a divider or an exclusive
     * "None of these".
     *
     * @param option the choice
     * @return this builder
     */
    public Builder option(Option option) {
      this.options.add(Objects.requireNonNull(option, "option"));
      return this;
    }

    /**
     * Adds every choice of a list, such as one shared by several questions.
     *
     * @param options the choices, in order
     * @return this builder
     */
    public Builder options(List<Option> options) {
      options.forEach(this::option);
      return this;
    }

    /**
     * Adds a choice in English only.
     *
     * @param value the value saved when the choice is picked
     * @param en the English label
     * @return this builder
     */
    public Builder option(String value, String en) {
      this.options.add(new Option(value, LocalisedText.english(en)));
      return this;
    }

    /**
     * Marks the question optional; questions are required unless set otherwise.
     *
     * @return this builder
     */
    public Builder optional() {
      this.required = false;
      return this;
    }

    /**
     * Whether an answer is needed; true unless set otherwise.
     *
     * @param required true if the person must answer
     * @return this builder
     */
    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    /**
     * Asks the question only when a condition holds.
     *
     * @param condition the condition, in the condition language
     * @return this builder
     */
    public Builder showIf(String condition) {
      this.showIf = condition;
      return this;
    }

    /**
     * The most characters a text or textarea answer may have; {@link #DEFAULT_MAX_LENGTH} unless
     * set.
     *
     * @param maxLength the limit, 1 to 100,000
     * @return this builder
     */
    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      this.maxLengthGiven = true;
      return this;
    }

    /**
     * The fewest characters a text or textarea answer may have ("Full name must be 2 characters
     * or more"); no minimum unless set.
     *
     * @param minLength the minimum, 0 to the maxLength
     * @return this builder
     */
    public Builder minLength(int minLength) {
      this.minLength = minLength;
      return this;
    }

    /**
     * A word limit for a textarea: the character count counts words ("You can enter up to 200
     * words") and validation refuses more ("Summary must be 200 words or less"). Unless a
     * {@link #maxLength(int)} is given too, the character limit becomes 20 characters a word, so
     * that it never bites first.
     *
     * @param maxWords the most words, 1 to 10000
     * @return this builder
     */
    public Builder maxWords(int maxWords) {
      this.maxWords = maxWords;
      return this;
    }

    /**
     * A regular expression a text answer must match in full, with the message that says what it
     * must look like (message key {@code pattern.invalid}, in each of the form's languages).
     *
     * @param regex the pattern, such as {@code [A-Z]{2}[0-9]{6}}
     * @param en the English message, such as "Permit number must be 2 letters then 6 numbers, like AB123456"
     * @param cy the Welsh message, or empty for a form in English only
     * @return this builder
     */
    public Builder pattern(String regex, String en, String cy) {
      this.pattern = regex;
      this.messages.put("pattern.invalid", new LocalisedText(en, cy));
      return this;
    }

    /**
     * A unit shown before a number's input, such as "£"; money shows "£" unless set.
     *
     * @param text the prefix
     * @return this builder
     */
    public Builder prefix(LocalisedText text) {
      this.prefix = text;
      return this;
    }

    /**
     * A unit shown after a number's input, such as "kg" or "per week".
     *
     * @param text the suffix
     * @return this builder
     */
    public Builder suffix(LocalisedText text) {
      this.suffix = text;
      return this;
    }

    /**
     * The smallest number or amount of money accepted (inclusive).
     *
     * @param min the minimum
     * @return this builder
     */
    public Builder min(BigDecimal min) {
      this.min = min;
      return this;
    }

    /**
     * The largest number or amount of money accepted (inclusive).
     *
     * @param max the maximum, not below the minimum
     * @return this builder
     */
    public Builder max(BigDecimal max) {
      this.max = max;
      return this;
    }

    /**
     * Adds a choice for radios, checkboxes or a select, after those already added.
     *
     * @param value the value saved as the answer when the choice is picked
     * @param en the English label
     * @param cy the Welsh label
     * @return this builder
     */
    public Builder option(String value, String en, String cy) {
      this.options.add(new Option(value, LocalisedText.of(en, cy)));
      return this;
    }

    /**
     * An extra rule a date answer must meet, such as being in the past.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder dateRule(DateRule rule) {
      this.dateRule = rule;
      return this;
    }

    /**
     * The largest file accepted, for file questions.
     *
     * @param bytes the limit in bytes, at least 1
     * @return this builder
     */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = bytes;
      return this;
    }

    /**
     * Adds a media type accepted by a file question. With none added, any type is accepted.
     *
     * @param mediaType the media type, such as {@code application/pdf}
     * @return this builder
     */
    public Builder fileType(String mediaType) {
      this.fileTypes.add(mediaType);
      return this;
    }

    /**
     * Adds a question asked for each item of a repeating group, after those already added.
     *
     * @param item the question
     * @return this builder
     */
    public Builder item(Question item) {
      this.items.add(item);
      return this;
    }

    /**
     * How many items a repeating group (or how many choices a checkbox question) accepts; 0 to 50
     * unless set.
     *
     * @param min the least number of items, at least 0
     * @param max the most items, at least 1 and at least {@code min}, at most 1,000
     * @return this builder
     */
    public Builder items(int min, int max) {
      this.minItems = min;
      this.maxItems = max;
      return this;
    }

    /**
     * The earliest date a date question accepts, on top of its {@link DateRule}.
     *
     * @param date the earliest date (inclusive)
     * @return this builder
     */
    public Builder notBefore(LocalDate date) {
      this.earliestDate = date;
      return this;
    }

    /**
     * The latest date a date question accepts, on top of its {@link DateRule}.
     *
     * @param date the latest date (inclusive)
     * @return this builder
     */
    public Builder notAfter(LocalDate date) {
      this.latestDate = date;
      return this;
    }

    /**
     * The HTML {@code autocomplete} token for the input, in place of the type's default.
     *
     * @param token up to four space-separated tokens, such as {@code name} or {@code bday}
     * @return this builder
     */
    public Builder autocomplete(String token) {
      this.autocomplete = token;
      return this;
    }

    /**
     * Marks a select for the Design System's accessible autocomplete, for a long list such as
     * countries: with JavaScript, the person types to filter the options; without it, the plain
     * select. Only a select can have it.
     *
     * @return this builder
     */
    public Builder accessibleAutocomplete() {
      this.accessibleAutocomplete = true;
      return this;
    }

    /**
     * Builds the question.
     *
     * @return the immutable question
     * @throws IllegalArgumentException naming the bad value
     */
    public Question build() {
      if (label == null) {
        throw new IllegalArgumentException("question '" + id + "' needs a label");
      }
      if (errorNoun == null) {
        throw new IllegalArgumentException("question '" + id + "' needs an error noun");
      }
      return new Question(id, type, label, Optional.ofNullable(hint), errorNoun, required,
          Optional.ofNullable(showIf), maxWords > 0 && !maxLengthGiven ? Math.min(100_000, maxWords * 20) : maxLength,
          Optional.ofNullable(min), Optional.ofNullable(max),
          options, dateRule, maxFileBytes, fileTypes, items, minItems, maxItems,
          Optional.ofNullable(earliestDate), Optional.ofNullable(latestDate), Optional.ofNullable(autocomplete),
          Optional.ofNullable(errorSubject), messages, minLength, Optional.ofNullable(pattern),
          Optional.ofNullable(prefix), Optional.ofNullable(suffix), maxWords, accessibleAutocomplete);
    }
  }
}
