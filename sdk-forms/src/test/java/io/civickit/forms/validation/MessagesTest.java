package io.civickit.forms.validation;

import static io.civickit.forms.validation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.forms.internal.lint.ContentRules;
import java.util.ListResourceBundle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void everyMessageExistsInEnglishAndWelshAndTheyDiffer() {
    for (String key : Messages.keys()) {
      String en = Messages.defaults().template(key, EN);
      String cy = Messages.defaults().template(key, CY);
      assertThat(en).as(key).isNotBlank();
      assertThat(cy).as(key).isNotBlank().isNotEqualTo(en);
    }
  }

  @Test
  void defaultMessagesFollowGovukContentRules() {
    for (String key : Messages.keys()) {
      String en = Messages.defaults().format(key, EN, Map.of("noun", "your name", "Noun", "Your name", "min", "1",
          "max", "2", "date", "1 January 2026", "size", "2MB", "types", "a PDF", "Subject", "Name", "example", "30", "none", "None of these"));
      assertThat(ContentRules.checkErrorMessage(en)).as("%s: %s", key, en).isEmpty();
      assertThat(en).doesNotContain("{").doesNotContainIgnoringCase("please").doesNotContainIgnoringCase("sorry");
    }
  }

  @Test
  void aCouncilCanOverrideMessagesPerLanguage() {
    Messages m = Messages.defaults()
        .with(EN, Map.of("postcode.invalid", "Enter a postcode in Barsetshire, like BS1 1AA"))
        .with(CY, new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return new Object[][] {{"required", "Ysgrifennwch {noun}"}};
          }
        });
    ValidationResult r = Validation.validate(POSTCODE, in("postcode", "nope"), EN, TODAY, m);
    assertThat(((ValidationResult.Invalid) r).error().message()).isEqualTo("Enter a postcode in Barsetshire, like BS1 1AA");
    ValidationResult w = Validation.validate(POSTCODE, in("postcode", "nope"), CY, TODAY, m);
    assertThat(((ValidationResult.Invalid) w).error().message()).isEqualTo("Rhowch god post llawn yn y DU");
    ValidationResult blank = Validation.validate(NAME, in(), CY, TODAY, m);
    assertThat(((ValidationResult.Invalid) blank).error().message()).isEqualTo("Ysgrifennwch eich enw llawn");
    assertThat(Messages.defaults().template("postcode.invalid", EN)).isEqualTo("Enter a full UK postcode");
  }

  @Test
  void unknownOrBlankOverridesAreRefusedByName() {
    assertThatThrownBy(() -> Messages.defaults().with(EN, Map.of("postcode.bad", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postcode.bad");
    assertThatThrownBy(() -> Messages.defaults().with(EN, Map.of("required", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
  }

  @Test
  void placeholdersAreFilledFromAuthoredTextOnlyAndUnknownOnesAreLeft() {
    Messages m = Messages.defaults().with(EN, Map.of("required", "Tell us {noun} {unknown} {"));
    ValidationResult r = Validation.validate(NAME, in(), EN, TODAY, m);
    assertThat(((ValidationResult.Invalid) r).error().message()).isEqualTo("Tell us your full name {unknown} {");
  }
}
