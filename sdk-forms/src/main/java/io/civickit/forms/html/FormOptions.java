package io.civickit.forms.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host page adds around a rendered form, so that it never has to edit the HTML: hidden
 * fields (a CSRF token), a sentence under the heading, the main button's text, and secondary
 * buttons such as GOV.UK's "Save and come back later". Texts are given in the page's language
 * and are escaped like everything else the renderer writes.
 *
 * <pre>{@code
 * FormOptions options = FormOptions.builder()
 *     .hidden("csrf", token)
 *     .secondaryButton("action", "save", welsh ? "Cadw a dod yn ôl yn nes ymlaen" : "Save and come back later")
 *     .build();
 * String html = renderer.renderForm(page, typed, errors, locale, options);
 * }</pre>
 *
 * <p>A secondary button submits the form with its {@code name=value}, so the handler can tell it
 * from Continue (which sends no value). The buttons are grouped in a {@code govuk-button-group},
 * Continue first, as the Design System shows them.
 *
 * @param hiddenFields hidden inputs, written first inside the form, in order
 * @param intro a paragraph under the page heading, if any
 * @param continueLabel the main button's text instead of "Continue" / "Parhau", if any
 * @param secondaryButtons buttons after the main one
 */
public record FormOptions(Map<String, String> hiddenFields, Optional<String> intro, Optional<String> continueLabel,
    List<Button> secondaryButtons) {

  /** No additions: the form as the renderer makes it. */
  public static final FormOptions NONE = new FormOptions(Map.of(), Optional.empty(), Optional.empty(), List.of());

  /** Copies the parts; keeps the order of hidden fields. */
  public FormOptions {
    Objects.requireNonNull(hiddenFields, "hiddenFields");
    Objects.requireNonNull(intro, "intro");
    Objects.requireNonNull(continueLabel, "continueLabel");
    hiddenFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hiddenFields));
    secondaryButtons = List.copyOf(secondaryButtons);
  }

  /**
   * A secondary button.
   *
   * @param name the field name it submits
   * @param value the value it submits
   * @param label its text, in the page's language
   */
  public record Button(String name, String value, String label) {
    /** Checks the parts. */
    public Button {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(label, "label");
      if (name.isBlank() || label.isBlank()) {
        throw new IllegalArgumentException("a button needs a name and a label");
      }
    }
  }

  /** Options with just these hidden fields. */
  public static FormOptions hidden(Map<String, String> hiddenFields) {
    return new FormOptions(hiddenFields, Optional.empty(), Optional.empty(), List.of());
  }

  /** A builder starting from no additions. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FormOptions}. */
  public static final class Builder {
    private final Map<String, String> hidden = new LinkedHashMap<>();
    private String intro;
    private String continueLabel;
    private final List<Button> buttons = new ArrayList<>();

    private Builder() {}

    /** Adds a hidden input. */
    public Builder hidden(String name, String value) {
      hidden.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A paragraph under the page's heading. On a page without a title, whose one question's
     * label is the heading, it comes first in the form, before the question.
     */
    public Builder intro(String text) {
      this.intro = Objects.requireNonNull(text, "text");
      return this;
    }

    /** The main button's text, for example "Send code". */
    public Builder continueLabel(String text) {
      this.continueLabel = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Adds a secondary button that submits {@code name=value}. */
    public Builder secondaryButton(String name, String value, String label) {
      buttons.add(new Button(name, value, label));
      return this;
    }

    /** The options. */
    public FormOptions build() {
      return new FormOptions(hidden, Optional.ofNullable(intro), Optional.ofNullable(continueLabel), buttons);
    }
  }
}
