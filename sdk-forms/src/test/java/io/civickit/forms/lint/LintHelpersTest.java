package io.civickit.forms.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.condition.Condition;
import io.civickit.forms.internal.lint.ConditionTypes;
import io.civickit.forms.internal.lint.ConditionTypes.Kind;
import io.civickit.forms.internal.lint.ContentRules;
import io.civickit.forms.internal.lint.JsonPath;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LintHelpersTest {

  @ParameterizedTest
  @ValueSource(strings = {"Please enter your name", "Sorry, that date is wrong",
      "Enter a valid email address", "Postcode is invalid", "This field is required",
      "Oops, something broke", "An error occurred", "Enter your name!", "ENTER YOUR NAME"})
  void messagesBreakingGovukContentRulesAreReported(String message) {
    assertThat(ContentRules.checkErrorMessage(message)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Enter your full name", "Enter an email address in the correct format, like name@example.com",
      "Date of birth must be in the past", "Enter a postcode, like AA1 1AA", "Select yes if you have a pet",
      "Enter your evaluation of the service"})
  void goodMessagesPass(String message) {
    assertThat(ContentRules.checkErrorMessage(message)).isEmpty();
  }

  @Test
  void invalidIsReportedOnceAsInvalidNotAsValid() {
    assertThat(ContentRules.checkErrorMessage("Invalid postcode"))
        .containsExactly("say what is wrong instead of 'invalid'");
  }

  private static final Map<String, Kind> KINDS = Map.of("age", Kind.NUMBER, "name", Kind.TEXT,
      "dob", Kind.DATE, "pet", Kind.BOOLEAN);

  private static java.util.List<String> check(String source) {
    return ConditionTypes.check(Condition.parse(source),
        p -> Optional.ofNullable(KINDS.get(p.toString())));
  }

  @Test
  void comparingANumberQuestionWithTextIsReported() {
    assertThat(check("age = 'ten'")).singleElement().asString()
        .contains("compares number with text");
  }

  @Test
  void nestedMismatchesAreFoundAndGoodComparisonsPass() {
    assertThat(check("name = 'Sam' and (age >= 18 or not dob < 5)")).hasSize(1);
    assertThat(check("age >= 18 and dob < today - 18 years and name != 'x'")).isEmpty();
  }

  @Test
  void unknownPathsAreNeverReported() {
    assertThat(check("mystery = 3 and other > '2024-01-01'")).isEmpty();
  }

  @Test
  void jsonPathsUseDotsIndexesAndBracketsForOddNames() {
    assertThat(JsonPath.root().field("pages").index(2).field("questions").index(0)
        .field("label").field("cy").toString()).isEqualTo("$.pages[2].questions[0].label.cy");
    assertThat(JsonPath.root().field("messages").field("too-long").toString())
        .isEqualTo("$.messages['too-long']");
    assertThatThrownBy(() -> JsonPath.root().index(-1)).hasMessageContaining("-1");
  }
}
