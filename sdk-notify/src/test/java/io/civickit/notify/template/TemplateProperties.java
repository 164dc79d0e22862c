package io.civickit.notify.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of rendering that must hold for any input. */
class TemplateProperties {

  /** Every tag the email renderer itself writes. */
  private static final Pattern OWN_TAGS = Pattern.compile(
      "</?(?:p|h2|ul|ol|li|blockquote|hr|br)>|<a href=\"[^\"<>]*\"(?: title=\"[^\"<>]*\")?>|</a>");

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withChars("<>&\"'()[]^#*-•.1 \n\t?ŵç€{😀aA:/").ofMaxLength(60),
        Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "](javascript:alert(1))",
            "[x](https://a.example/\" onclick=\"x)", "&lt;b&gt;", "https://x.example/<b>",
            "&#x6a;avascript:x", "javascript&colon;x", "JAVASCRIPT:x", "data:x", "//evil.example"));
  }

  @Property
  void personalisationNeverAppearsUnescapedInEmailHtml(@ForAll("anyText") String value,
      @ForAll("templateBody") String body) {
    String html = Template.email("s", body + " ((value)) [link](((value)))").render(Map.of("value", value)).html();

    assertThat(OWN_TAGS.matcher(html).replaceAll("")).doesNotContain("<", ">");
  }

  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern SAFE_TARGET = Pattern.compile(
      "(?i)(?:(?:https?|mailto|tel):.*|[^:&/?#]*(?:[/?#].*)?)", Pattern.DOTALL);

  @Property
  void linkTargetsAreAlwaysSafeSchemesOrSchemeless(@ForAll("anyText") String value) {
    String html = Template.email("s", "[x](((value))) ((value))").render(Map.of("value", value)).html();

    java.util.regex.Matcher href = HREF.matcher(html);
    while (href.find()) {
      // the renderer escapes quotes in attributes; any other reference in the scheme part is refused
      assertThat(href.group(1).replace("&#34;", "\"").replace("&#39;", "'")).matches(SAFE_TARGET);
    }
  }

  @Provide
  Arbitrary<String> templateBody() {
    return Arbitraries.of("", "# Heading\n\n", "* a\n* b\n\n", "1. one\n\n", "^ inset\n", "---\n\n", "text\nmore\n");
  }

  @Property
  void fragmentCountNeverFallsAsTheMessageGrows(@ForAll @IntRange(min = 0, max = 917) int length,
      @ForAll("smsCharacter") String character) {
    String text = "a".repeat(length);
    SmsInfo shorter = SmsInfo.of(text);
    SmsInfo longer = SmsInfo.of(text + character);

    assertThat(longer.fragments()).isGreaterThanOrEqualTo(shorter.fragments());
    assertThat(longer.characters()).isGreaterThan(shorter.characters());
  }

  @Property
  void fragmentCountIsMonotonicWithinAnEncoding(@ForAll @IntRange(min = 1, max = 918) int a,
      @ForAll @IntRange(min = 1, max = 918) int b, @ForAll("smsCharacter") String character) {
    int small = Math.min(a, b);
    int large = Math.max(a, b);

    assertThat(SmsInfo.of(character.repeat(large)).fragments())
        .isGreaterThanOrEqualTo(SmsInfo.of(character.repeat(small)).fragments());
  }

  @Provide
  Arbitrary<String> smsCharacter() {
    return Arbitraries.of("a", "€", "ŵ", "😀", "\n");
  }

  @Property
  void renderingThrowsNothingButTheDocumentedExceptions(@ForAll("anyText") String body,
      @ForAll("anyText") String value, @ForAll @StringLength(max = 12) String key) {
    Map<String, Object> values = Map.of(key, value, "value", value);
    for (Runnable render : new Runnable[] {
        () -> Template.email("s ((value))", body + "x").render(values),
        () -> Template.sms(body + "x").render(values, SmsCharacterPolicy.GSM_AND_WELSH),
        () -> Template.sms(body + "x").render(values, SmsCharacterPolicy.ALL_CHARACTERS),
        () -> Template.letter("s", body + "x").render(java.util.List.of("a", "b", "c"), values)}) {
      try {
        render.run();
      } catch (MissingPersonalisationException | SmsTooLongException expected) {
        // documented
      }
    }
  }

  @Property
  void theCurrentPolicyAlwaysProducesGsmOrWelshText(@ForAll("anyText") String value) {
    SmsMessage sms = Template.sms("x ((v))").render(Map.of("v", value), SmsCharacterPolicy.GSM_AND_WELSH);

    assertThat(sms.text().codePoints().filter(cp -> cp > 0xFFFF)).isEmpty();
  }
}
