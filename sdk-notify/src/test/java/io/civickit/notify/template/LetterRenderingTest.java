package io.civickit.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.notify.RenderedMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Letters: a printable address block, a heading and a plain-text body. */
class LetterRenderingTest {

  @Test
  void rendersAddressBlockHeadingAndBody() {
    RenderedMessage.Letter letter = Template.letter("Your  council tax - ((year))",
            "# Amount due\n\nDear ((name)),\n\n* April: ((april))\n* May: ((may))\n\n^ Pay by ((date))")
        .render(List.of("  Ann   Jones ", "1 High Street", "", "Newport ", "NP20 1AA"),
            Map.of("year", "2026", "name", "Ann", "april", "£10", "may", "£12", "date", "1 May"));

    assertThat(letter.addressBlock()).containsExactly("Ann Jones", "1 High Street", "Newport", "NP20 1AA");
    assertThat(letter.subject()).isEqualTo("Your council tax \u2013 2026");
    assertThat(letter.body()).isEqualTo("Amount due\n" + "-".repeat(65)
        + "\n\nDear Ann,\n\n• April: £10\n• May: £12\n\nPay by 1 May\n");
  }

  @Test
  void aLetterNamesEveryMissingField() {
    assertThatThrownBy(() -> Template.letter("((a))", "((b))").render(List.of("x", "y", "z"), Map.of()))
        .isInstanceOfSatisfying(MissingPersonalisationException.class,
            e -> assertThat(e.missingFields()).containsExactly("a", "b"));
  }
}
