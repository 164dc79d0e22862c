package io.civickit.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Placeholders, conditional text, lists and missing personalisation, as Notify treats them. */
class PlaceholderTest {

  private static String sms(String body, Map<String, ?> values) {
    return Template.sms(body).render(values, SmsCharacterPolicy.GSM_AND_WELSH).text();
  }

  @ParameterizedTest
  @ValueSource(strings = {"first name", "First Name", "FIRST_NAME", "first-name", "firstname", " first  name "})
  void namesMatchIgnoringCaseSpacesHyphensAndUnderscores(String key) {
    assertThat(sms("Hello ((First name))", Map.of(key, "Ann"))).isEqualTo("Hello Ann");
  }

  @Test
  void extraPersonalisationIsIgnored() {
    assertThat(sms("Hello ((name))", Map.of("name", "Ann", "unused", "x", "other", 3)))
        .isEqualTo("Hello Ann");
  }

  @Test
  void valuesOfAnyTypeAreWrittenAsText() {
    assertThat(sms("((a)) ((b)) ((c))", Map.of("a", 42, "b", 1.5, "c", true))).isEqualTo("42 1.5 True");
  }

  /** The non-string cases of notifications-utils' tests/test_field.py, which run Notify's Python {@code str()}. */
  @Test
  void nonStringValuesAreWrittenAsNotifysPythonWritesThem() {
    assertThat(sms("before ((p)) after", Map.of("p", true))).isEqualTo("before True after");
    assertThat(sms("before ((p)) after", Map.of("p", false))).isEqualTo("before False after");
    assertThat(sms("before ((p)) after", Map.of("p", 0))).isEqualTo("before 0 after");
    assertThat(sms("before ((p)) after", Map.of("p", 0.0))).isEqualTo("before 0.0 after");
    assertThat(sms("before ((p)) after", Map.of("p", 123))).isEqualTo("before 123 after");
    assertThat(sms("before ((p)) after", Map.of("p", 0.1 + 0.2))).isEqualTo("before 0.30000000000000004 after");
    assertThat(sms("list: ((p))", Map.of("p", List.of(0.1, true, false)))).isEqualTo("list: 0.1, True and False");
    // Where Python's float text differs from Java's.
    assertThat(sms("((p))", Map.of("p", 1e7))).isEqualTo("10000000.0");
    assertThat(sms("((p))", Map.of("p", 1e16))).isEqualTo("1e+16");
    assertThat(sms("((p))", Map.of("p", 1.5e-5))).isEqualTo("1.5e-05");
    assertThat(sms("((p))", Map.of("p", -2.5e-3))).isEqualTo("-0.0025");
    assertThat(sms("((p))", Map.of("p", 0.1f))).isEqualTo("0.1");
    assertThat(sms("((p))", Map.of("p", new java.math.BigDecimal("1.50")))).as("a Java decimal keeps its scale")
        .isEqualTo("1.50");
  }

  @Test
  void aNullValueIsMissingAsNotifyTreatsNone() {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("name", "Jo");
    values.put("colour", null);
    assertThatThrownBy(() -> sms("((name)) ((colour))", values))
        .isInstanceOfSatisfying(MissingPersonalisationException.class,
            e -> assertThat(e.getMessage()).isEqualTo("Missing personalisation: colour"));
  }

  @Test
  void aPlaceholderUsedTwiceIsReplacedBothTimes() {
    assertThat(sms("((x)) and ((X))", Map.of("x", "y"))).isEqualTo("y and y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "y", "true", "t", "1", "include", "show", "YES", "True", "Show"})
  void conditionalTextIsShownForNotifysYesValues(String value) {
    assertThat(sms("Bring ID((photo??, and a photo)).", Map.of("photo", value)))
        .isEqualTo("Bring ID, and a photo.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "false", "0", "", "maybe", "yes please", "off"})
  void conditionalTextIsHiddenForAnyOtherValue(String value) {
    assertThat(sms("Bring ID((photo??, and a photo)).", Map.of("photo", value))).isEqualTo("Bring ID.");
  }

  @Test
  void conditionalTextMayItselfContainQuestionMarks() {
    assertThat(sms("((ask??Is it ??ok)) done", Map.of("ask", "yes"))).isEqualTo("Is it ??ok done");
  }

  @Test
  void aBooleanTrueShowsConditionalText() {
    assertThat(sms("((ok??shown))", Map.of("ok", true))).isEqualTo("shown");
    assertThat(sms("((ok??shown)) end", Map.of("ok", false))).isEqualTo("end");
  }

  @Test
  void listsInTextMessagesReadAsProse() {
    assertThat(sms("((x))", Map.of("x", List.of("a")))).isEqualTo("a");
    assertThat(sms("((x))", Map.of("x", List.of("a", "b")))).isEqualTo("a and b");
    assertThat(sms("((x))", Map.of("x", List.of("a", "b", "c")))).isEqualTo("a, b and c");
  }

  @Test
  void blankAndNullListItemsAreDroppedAndItemsTrimmed() {
    assertThat(sms("((x))", Map.of("x", Arrays.asList(" a ", null, "", "\u200Bb")))).isEqualTo("a and b");
    assertThat(sms("Items: ((x)).", Map.of("x", List.of()))).isEqualTo("Items:.");
  }

  @Test
  void listsInEmailsAreBullets() {
    var email = Template.email("Your ((x))", "You need:\n\n((x))").render(Map.of("x", List.of("a", "b", "c")));

    assertThat(email.subject()).isEqualTo("Your a, b and c");
    assertThat(email.plainText()).isEqualTo("You need:\n\n• a\n• b\n• c\n");
    assertThat(email.html()).isEqualTo("<p>You need:</p><ul><li>a</li><li>b</li><li>c</li></ul>");
  }

  @Test
  void aListStraightAfterTextStillStartsItsOwnBullets() {
    var email = Template.email("s", "You need: ((x))").render(Map.of("x", List.of("a", "b")));

    assertThat(email.plainText()).isEqualTo("You need:\n\n• a\n• b\n");
  }

  @Test
  void missingPersonalisationNamesEveryMissingFieldOnceInOrder() {
    Template.Email template = Template.email("((reference)) for ((Name))",
        "Dear ((name)), ((date??on a date)) ((amount)) ((REFERENCE))");

    assertThatThrownBy(() -> template.render(Map.of("amount", "£5")))
        .isInstanceOfSatisfying(MissingPersonalisationException.class, e -> {
          assertThat(e.missingFields()).containsExactly("reference", "Name", "date");
          assertThat(e.getMessage()).isEqualTo("Missing personalisation: reference, Name, date");
        });
  }

  @Test
  void placeholdersAreListedAsSpelled() {
    assertThat(Template.email("((a))", "((b)) ((c??text)) ((a))").placeholders()).containsExactly("a", "b", "c");
  }

  @Test
  void textThatOnlyLooksLikeAPlaceholderIsLeftAlone() {
    assertThat(sms("(a) ((b) (()) ((c)d))", Map.of())).isEqualTo("(a) ((b) (()) ((c)d))");
  }
}
