package io.civickit.notify.template;

import static io.civickit.notify.template.SmsCharacterPolicy.ALL_CHARACTERS;
import static io.civickit.notify.template.SmsCharacterPolicy.GSM_AND_WELSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text messages: encoding, fragments, downgrading, the length limit and both policies. */
class SmsRenderingTest {

  private static SmsMessage render(String text, SmsCharacterPolicy policy) {
    return Template.sms("((text))").render(Map.of("text", text), policy);
  }

  private static SmsInfo info(String text) {
    return render(text, GSM_AND_WELSH).info();
  }

  @ParameterizedTest(name = "{0} GSM characters is {1} fragment(s)")
  @CsvSource({"1,1", "160,1", "161,2", "306,2", "307,3", "459,3", "460,4", "918,6"})
  void gsmFragmentsAre160ThenParts0f153(int length, int fragments) {
    assertThat(info("a".repeat(length))).isEqualTo(new SmsInfo(SmsEncoding.GSM, fragments, length));
  }

  @ParameterizedTest(name = "{0} UCS-2 characters is {1} fragment(s)")
  @CsvSource({"1,1", "70,1", "71,2", "134,2", "135,3", "201,3", "202,4", "918,14"})
  void ucs2FragmentsAre70ThenPartsOf67(int length, int fragments) {
    assertThat(info("ŵ".repeat(length))).isEqualTo(new SmsInfo(SmsEncoding.UCS_2, fragments, length));
  }

  @Test
  void extensionTableCharactersCountTwo() {
    assertThat(info("^{}\\[~]|€")).isEqualTo(new SmsInfo(SmsEncoding.GSM, 1, 18));
    assertThat(info("€".repeat(80))).isEqualTo(new SmsInfo(SmsEncoding.GSM, 1, 160));
    assertThat(info("€".repeat(81))).isEqualTo(new SmsInfo(SmsEncoding.GSM, 2, 162));
    assertThat(info("a".repeat(159) + "{")).isEqualTo(new SmsInfo(SmsEncoding.GSM, 2, 161));
  }

  @Test
  void extensionCharactersCountOneOnceTheMessageIsUcs2() {
    assertThat(info("ŵ€")).isEqualTo(new SmsInfo(SmsEncoding.UCS_2, 1, 2));
  }

  @Test
  void messagesOverNotifysMaximumAreRejected() {
    assertThat(info("a".repeat(918)).characters()).isEqualTo(918);
    assertThatThrownBy(() -> info("a".repeat(919)))
        .isInstanceOfSatisfying(SmsTooLongException.class, e -> assertThat(e.characters()).isEqualTo(919));
    assertThat(info("€".repeat(459)).characters()).isEqualTo(918);
    assertThatThrownBy(() -> info("€".repeat(460))).isInstanceOf(SmsTooLongException.class);
    assertThatThrownBy(() -> info("ŵ".repeat(919))).isInstanceOf(SmsTooLongException.class);
  }

  @Test
  void theLimitAppliesAfterWhitespaceIsNormalised() {
    assertThat(info("a".repeat(918) + "   \n\n\n").characters()).isEqualTo(918);
  }

  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource(delimiter = '|', value = {
      "ç|c", "Ć|C", "ø|ø", "ñ|ñ", "é|é", "ǖ|ü", "Ж|?", "中|?", "😀|?",
      "\u2013|-", "\u2014|-", "\u2212|-", "\u2026|...",
      "a\u200Bb|ab", "a\u00A0b|a b", "a\tb|a b"})
  void theCurrentPolicyDowngradesCharactersOutsideGsmAndWelsh(String input, String expected) {
    SmsMessage sms = render(input, GSM_AND_WELSH);

    assertThat(sms.text()).isEqualTo(expected);
    assertThat(sms.info().encoding()).isEqualTo(SmsEncoding.GSM);
  }

  @Test
  void smartQuotesBecomeStraightQuotes() {
    assertThat(render("\u2018a\u2019 \u201Cb\u201D \u201Ac\u201E", GSM_AND_WELSH).text()).isEqualTo("'a' \"b\" 'c\"");
  }

  @ParameterizedTest
  @CsvSource({"ŵ", "Ŵ", "ŷ", "â", "á", "ẁ", "ï"})
  void theCurrentPolicyKeepsWelshAccentsWhichNeedUcs2(String letter) {
    SmsMessage sms = render("Croeso " + letter, GSM_AND_WELSH);

    assertThat(sms.text()).isEqualTo("Croeso " + letter);
    assertThat(sms.info().encoding()).isEqualTo(SmsEncoding.UCS_2);
  }

  @Test
  void theNewPolicyKeepsEveryCharacterAndSendsUcs2() {
    SmsMessage sms = render("Cześć 😀 \u2013 \u201Cok\u201D", ALL_CHARACTERS);

    assertThat(sms.text()).isEqualTo("Cześć 😀 - \"ok\"");
    assertThat(sms.info()).isEqualTo(new SmsInfo(SmsEncoding.UCS_2, 1, 15));
  }

  @Test
  void theNewPolicyStaysInGsmWhenEveryCharacterFits() {
    assertThat(render("Hello \u2018world\u2019", ALL_CHARACTERS).info().encoding()).isEqualTo(SmsEncoding.GSM);
  }

  @Test
  void whitespaceIsNormalisedLineByLine() {
    var sms = Template.sms("  Hello   ((name)) ,\t you\n\n\n\n  next   line  \n").render(Map.of("name", "Ann"), GSM_AND_WELSH);

    assertThat(sms.text()).isEqualTo("Hello Ann, you\n\nnext line");
  }

  @Test
  void textMessagesGetNoMarkdownOrSmartQuotes() {
    var sms = Template.sms("# Not a heading\n* it's \"plain\"").render(Map.of(), GSM_AND_WELSH);

    assertThat(sms.text()).isEqualTo("# Not a heading\n* it's \"plain\"");
  }

  @Test
  void infoMeasuresTextAsGiven() {
    assertThat(SmsInfo.of("")).isEqualTo(new SmsInfo(SmsEncoding.GSM, 1, 0));
    assertThat(SmsInfo.of("ç")).isEqualTo(new SmsInfo(SmsEncoding.UCS_2, 1, 1));
    assertThat(SmsInfo.of("😀")).isEqualTo(new SmsInfo(SmsEncoding.UCS_2, 1, 2));
  }

  @Test
  void authorsAreWarnedAboutCharactersThatForceUcs2() {
    assertThat(Template.sms("Croeso ((name)) ŵ ŵ â").costlyCharacters(GSM_AND_WELSH)).containsExactly("ŵ", "â");
    assertThat(Template.sms("Café ç 😀 \u2013").costlyCharacters(GSM_AND_WELSH)).isEmpty();
    assertThat(Template.sms("Café ç 😀 \u2013").costlyCharacters(ALL_CHARACTERS)).containsExactly("ç", "😀");
  }
}
