package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.internal.html.InputAttributes;
import org.junit.jupiter.api.Test;

class InputAttributesTest {

  @Test
  void emailUsesEmailTypeAndAutocompleteWithoutSpellcheck() {
    InputAttributes a = InputAttributes.forKind("email");
    assertThat(a.type()).isEqualTo("email");
    assertThat(a.autocomplete()).isEqualTo("email");
    assertThat(a.spellcheckOff()).isTrue();
  }

  @Test
  void phonesUseTelTypeAndTelAutocomplete() {
    assertThat(InputAttributes.forKind("UK_PHONE").type()).isEqualTo("tel");
    assertThat(InputAttributes.forKind("mobile").autocomplete()).isEqualTo("tel");
  }

  @Test
  void numbersAreTextInputsWithTheRightInputmode() {
    assertThat(InputAttributes.forKind("whole-number").type()).isEqualTo("text");
    assertThat(InputAttributes.forKind("whole-number").inputmode()).isEqualTo("numeric");
    assertThat(InputAttributes.forKind("money").inputmode()).isEqualTo("decimal");
  }

  @Test
  void postcodeUsesPostalCodeAutocompleteAndUnknownKindsArePlainText() {
    assertThat(InputAttributes.forKind("postcode").autocomplete()).isEqualTo("postal-code");
    InputAttributes text = InputAttributes.forKind("something-else");
    assertThat(text.type()).isEqualTo("text");
    assertThat(text.autocomplete()).isNull();
    assertThat(text.inputmode()).isNull();
  }
}
