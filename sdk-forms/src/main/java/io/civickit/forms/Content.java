package io.civickit.forms;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of guidance on a page, shown above its questions (or alone, on a content page): a
 * passage of Markdown, GOV.UK inset text, details (a summary that opens to show more) or warning
 * text. Each may carry a show-if condition, so it appears only when the condition holds.
 *
 * <p>Markdown is CommonMark without HTML: raw HTML comes out as text, links keep only
 * {@code http}, {@code https} and {@code mailto} addresses, images show their alternative text,
 * and headings become GOV.UK headings below the page's own {@code h1}.
 *
 * <pre>{@code
 * Page.builder("before-you-start").title("Before you start", "Cyn i chi ddechrau")
 *     .content(Content.markdown(LocalisedText.english("You'll need:\n\n- your bin number\n- a bank card")))
 *     .content(Content.warning(LocalisedText.english("You cannot change your permit once it is paid for."))
 *         .showIf("permit_type = 'business'"))
 *     .build();
 * }</pre>
 *
 * @param kind what the piece is
 * @param summary for details, the line that opens it; empty for every other kind
 * @param text the text: Markdown for {@link Kind#MARKDOWN}, {@link Kind#INSET} and
 *     {@link Kind#DETAILS}, plain text for {@link Kind#WARNING}
 * @param showIf optional condition (condition language) that must hold for the piece to be shown
 */
public record Content(Kind kind, Optional<LocalisedText> summary, LocalisedText text, Optional<String> showIf) {

  /** What a piece of content is. */
  public enum Kind {
    /** Paragraphs, lists, headings and links in Markdown. */
    MARKDOWN,
    /** GOV.UK inset text: a quoted aside, in Markdown. */
    INSET,
    /** GOV.UK details: a summary line that opens to show Markdown. */
    DETAILS,
    /** GOV.UK warning text: one line of plain text after a "!" icon. */
    WARNING;

    /**
     * The name in the JSON format.
     *
     * @return {@code markdown}, {@code inset}, {@code details} or {@code warning}
     */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind with a JSON name.
     *
     * @param name the JSON name
     * @return the kind
     * @throws IllegalArgumentException naming the kinds when there is none of that name
     */
    public static Kind fromJson(String name) {
      for (Kind k : values()) {
        if (k.jsonName().equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown content type '" + name
          + "'; expected one of markdown, inset, details, warning");
    }
  }

  /** Validates that details, and only details, have a summary. */
  public Content {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(showIf, "showIf");
    if ((kind == Kind.DETAILS) != summary.isPresent()) {
      throw new IllegalArgumentException(kind == Kind.DETAILS
          ? "details need a summary (the line that opens them); text: '" + text.en() + "'"
          : kind.jsonName() + " content has no summary; only details do");
    }
    if (showIf.isPresent() && showIf.get().isBlank()) {
      throw new IllegalArgumentException("a content show-if condition must not be blank");
    }
  }

  /**
   * A passage of Markdown.
   *
   * @param markdown the text
   * @return the content
   */
  public static Content markdown(LocalisedText markdown) {
    return new Content(Kind.MARKDOWN, Optional.empty(), markdown, Optional.empty());
  }

  /**
   * GOV.UK inset text.
   *
   * @param markdown the text, in Markdown
   * @return the content
   */
  public static Content inset(LocalisedText markdown) {
    return new Content(Kind.INSET, Optional.empty(), markdown, Optional.empty());
  }

  /**
   * GOV.UK details.
   *
   * @param summary the line that opens them, such as "Help with nationality"
   * @param markdown what they show when open, in Markdown
   * @return the content
   */
  public static Content details(LocalisedText summary, LocalisedText markdown) {
    return new Content(Kind.DETAILS, Optional.of(summary), markdown, Optional.empty());
  }

  /**
   * GOV.UK warning text.
   *
   * @param text the warning, plain text
   * @return the content
   */
  public static Content warning(LocalisedText text) {
    return new Content(Kind.WARNING, Optional.empty(), text, Optional.empty());
  }

  /**
   * This content shown only when a condition holds.
   *
   * @param condition the condition, in the condition language
   * @return a copy
   */
  public Content showIf(String condition) {
    return new Content(kind, summary, text, Optional.of(condition));
  }
}
