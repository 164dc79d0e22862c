package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FormOptionsTest {
  private static final FormRenderer RENDERER = new FormRenderer("Apply for a permit");

  private static Page titled() {
    return Page.builder("contact").title("Your contact details", "Eich manylion cyswllt")
        .question(Question.builder("email", QuestionType.EMAIL).label("Email address", "Cyfeiriad e-bost")
            .errorNoun("your email address", "eich cyfeiriad e-bost").build())
        .build();
  }

  @Test
  void hiddenFieldsIntroAndButtonsComeOutInTheirPlaces() {
    FormOptions options = FormOptions.builder()
        .hidden("csrf", "abc").hidden("step", "contact")
        .intro("We will send a link to this address.")
        .continueLabel("Send link")
        .secondaryButton("action", "save", "Save and come back later")
        .build();
    Document doc = Jsoup.parse(RENDERER.renderForm(titled(), Map.of(), Map.of(), Locale.UK, options));
    Element form = doc.selectFirst("form");
    assertThat(form.select("> input[type=hidden]").eachAttr("name")).containsExactly("csrf", "step");
    assertThat(doc.selectFirst("h1 + p.govuk-body").text()).isEqualTo("We will send a link to this address.");
    Element group = form.selectFirst(".govuk-button-group");
    assertThat(group.select("button").eachText()).containsExactly("Send link", "Save and come back later");
    Element main = group.selectFirst("button");
    assertThat(main.hasAttr("name")).as("Continue sends no value, so the handler can tell it apart").isFalse();
    Element save = group.selectFirst("button.govuk-button--secondary");
    assertThat(save.attr("name")).isEqualTo("action");
    assertThat(save.attr("value")).isEqualTo("save");
  }

  @Test
  void withoutOptionsTheFormIsUnchanged() {
    String plain = RENDERER.renderForm(titled(), Map.of(), Map.of(), Locale.UK);
    assertThat(RENDERER.renderForm(titled(), Map.of(), Map.of(), Locale.UK, FormOptions.NONE)).isEqualTo(plain);
    Document doc = Jsoup.parse(plain);
    assertThat(doc.select(".govuk-button-group")).isEmpty();
    assertThat(doc.select("button").eachText()).containsExactly("Continue");
  }

  @Test
  void aPageWhoseQuestionIsTheHeadingGetsTheIntroFirst() {
    Page single = Page.builder("email").question(Question.builder("email", QuestionType.EMAIL)
        .label("What is your email address?", "Beth yw eich cyfeiriad e-bost?")
        .errorNoun("your email address", "eich cyfeiriad e-bost").build()).build();
    Document doc = Jsoup.parse(RENDERER.renderForm(single, Map.of(), Map.of(), Locale.forLanguageTag("cy"),
        FormOptions.builder().intro("Cyflwyniad").build()));
    assertThat(doc.selectFirst("form > p.govuk-body").text()).isEqualTo("Cyflwyniad");
    assertThat(doc.select("button").eachText()).containsExactly("Parhau");
  }

  @Test
  void aButtonNeedsANameAndALabel() {
    assertThatThrownBy(() -> FormOptions.builder().secondaryButton(" ", "v", "Save"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FormOptions.builder().secondaryButton("action", "v", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Text that HTML could mistake for markup; the encoder's own replacement of invalid characters aside. */
  @Provide
  Arbitrary<String> markupLike() {
    Arbitrary<String> fragments = Arbitraries.of("<", ">", "&", "\"", "'", "`", "=", "/", " ", "<script>x</script>",
        "\" onclick=\"x", "' a='", "<b>", "&amp;", "&#60;", "-->", "<!--", "</button>", "</p>", "é", "ŵ", "😀");
    return Arbitraries.oneOf(fragments.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l)),
            Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30))
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 200)
  void optionTextsAreAlwaysText(@ForAll("markupLike") String s) {
    FormOptions options = FormOptions.builder().hidden("csrf", s).intro(s).continueLabel(s)
        .secondaryButton("action", s, s).build();
    Document doc = Jsoup.parse(RENDERER.renderForm(titled(), Map.of(), Map.of(), Locale.UK, options));
    assertThat(doc.select("script, img, iframe")).isEmpty();
    assertThat(doc.selectFirst("input[type=hidden][name=csrf]").val()).isEqualTo(s);
    assertThat(doc.selectFirst("h1 + p.govuk-body").wholeText()).isEqualTo(s);
    List<Element> buttons = doc.select(".govuk-button-group button");
    assertThat(buttons).hasSize(2);
    assertThat(buttons.get(0).wholeText()).isEqualTo(s);
    assertThat(buttons.get(1).wholeText()).isEqualTo(s);
    assertThat(buttons.get(1).attr("value")).isEqualTo(s);
  }
}
