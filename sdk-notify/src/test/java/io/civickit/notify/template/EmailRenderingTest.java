package io.civickit.notify.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.RenderedMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Email bodies: Notify's markdown subset to HTML and plain text, escaping and typography. */
class EmailRenderingTest {

  private static final String DASHES = "-".repeat(65);
  private static final String EQUALS = "=".repeat(65);

  private static RenderedMessage.Email render(String body) {
    return render(body, Map.of());
  }

  private static RenderedMessage.Email render(String body, Map<String, ?> values) {
    return Template.email("Subject", body).render(values);
  }

  @Test
  void paragraphsAreSeparatedByBlankLinesAndSingleNewlinesAreLineBreaks() {
    var email = render("One\nstill one\n\n\n\nTwo");

    assertThat(email.html()).isEqualTo("<p>One<br>still one</p><p>Two</p>");
    assertThat(email.plainText()).isEqualTo("One\nstill one\n\nTwo\n");
  }

  @Test
  void aHashHeadingIsTheOnlyHeadingLevel() {
    var email = render("# Your application\n\n## Not a heading\n\nText");

    assertThat(email.html()).isEqualTo("<h2>Your application</h2><p>Not a heading</p><p>Text</p>");
    assertThat(email.plainText()).isEqualTo("Your application\n" + DASHES + "\n\nNot a heading\n\nText\n");
  }

  @Test
  void bulletsMayUseAsteriskHyphenOrBulletCharacter() {
    var email = render("Bring:\n\n* passport\n- bill\n• letter");

    assertThat(email.html()).isEqualTo("<p>Bring:</p><ul><li>passport</li><li>bill</li><li>letter</li></ul>");
    assertThat(email.plainText()).isEqualTo("Bring:\n\n• passport\n• bill\n• letter\n");
  }

  @Test
  void numberedListsAreRenumberedFromOne() {
    var email = render("1. first\n5. second\n\nAfter");

    assertThat(email.html()).isEqualTo("<ol><li>first</li><li>second</li></ol><p>After</p>");
    assertThat(email.plainText()).isEqualTo("1. first\n2. second\n\nAfter\n");
  }

  @Test
  void aListItemContinuesOnLinesThatAreNotBullets() {
    var email = render("* first\ncontinued\n* second");

    assertThat(email.html()).isEqualTo("<ul><li>first<br>continued</li><li>second</li></ul>");
  }

  @Test
  void insetTextStartsWithACaret() {
    var email = render("^ You must reply\nby Friday\n\nThanks");

    assertThat(email.html()).isEqualTo("<blockquote><p>You must reply<br>by Friday</p></blockquote><p>Thanks</p>");
    assertThat(email.plainText()).isEqualTo("You must reply\nby Friday\n\nThanks\n");
  }

  @Test
  void threeHyphensOrAsterisksAreAHorizontalRule() {
    var email = render("Above\n\n---\n\nBelow\n\n* * *");

    assertThat(email.html()).isEqualTo("<p>Above</p><hr><p>Below</p><hr>");
    assertThat(email.plainText()).isEqualTo("Above\n\n" + EQUALS + "\n\nBelow\n\n" + EQUALS + "\n");
  }

  @Test
  void markdownLinksKeepTheirTextAndTheUrlInPlainText() {
    var email = render("[Pay now](https://www.example.gov.uk/pay?a=1&b=2)");

    assertThat(email.html())
        .isEqualTo("<p><a href=\"https://www.example.gov.uk/pay?a=1&amp;b=2\">Pay now</a></p>");
    assertThat(email.plainText()).isEqualTo("Pay now: https://www.example.gov.uk/pay?a=1&b=2\n");
  }

  @Test
  void aLinkTitleIsKept() {
    var email = render("[Pay](https://x.example \"Payments\")");

    assertThat(email.html()).isEqualTo("<p><a href=\"https://x.example\" title=\"Payments\">Pay</a></p>");
    assertThat(email.plainText()).isEqualTo("Pay (Payments): https://x.example\n");
  }

  @Test
  void bareUrlsBecomeLinksWithoutTrailingPunctuation() {
    var email = render("Go to https://example.com/a\"b?q=1.");

    assertThat(email.html())
        .isEqualTo("<p>Go to <a href=\"https://example.com/a%22b?q=1\">https://example.com/a\"b?q=1</a>.</p>");
    // As in Notify, plain text gets typography everywhere, even inside a URL.
    assertThat(email.plainText()).isEqualTo("Go to https://example.com/a\u201Db?q=1.\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert`1`", "JavaScript:x", "data:text/html;base64,PHNjcmlwdD4=",
      "&#x6a;avascript:x", "javascript&colon;x", "vbscript:x", " javascript:x"})
  void linkTargetsWithUnsafeSchemesAreDropped(String target) {
    assertThat(render("[x](((url)))", Map.of("url", target)).html()).isEqualTo("<p><a href=\"\">x</a></p>");
  }

  @Test
  void linkTargetsWithSafeSchemesOrNoSchemeAreKept() {
    assertThat(render("[a](mailto:help@example.com) [b](tel:01234) [c](/pay)").html()).isEqualTo(
        "<p><a href=\"mailto:help@example.com\">a</a> <a href=\"tel:01234\">b</a> <a href=\"/pay\">c</a></p>");
  }

  @Test
  void emphasisCodeAndImagesAreNotPartOfTheSubset() {
    var email = render("*not bold* _not_ `code` ![alt](https://x.example/i.png)end");

    assertThat(email.html()).isEqualTo("<p>*not bold* _not_ `code` end</p>");
  }

  @Test
  void personalisationIsHtmlEscapedInHtmlButNotInPlainText() {
    var email = render("Hello ((name))", Map.of("name", "<script>alert('x')</script> & co"));

    assertThat(email.html()).isEqualTo("<p>Hello &lt;script&gt;alert(\u2018x\u2019)&lt;/script&gt; &amp; co</p>");
    assertThat(email.plainText()).isEqualTo("Hello <script>alert(\u2018x\u2019)</script> & co\n");
  }

  @Test
  void characterReferencesAreKeptAndABareAmpersandIsEscaped() {
    var email = render("Fish &amp; chips&nbsp;today &copy &#163;5 &lt;b&gt;");

    assertThat(email.html()).isEqualTo("<p>Fish &amp; chips&nbsp;today &amp;copy &#163;5 &lt;b&gt;</p>");
  }

  @Test
  void personalisationCannotInjectMarkupThroughALink() {
    var email = render("[link](((url)))", Map.of("url", "https://x.example/\"onmouseover=\"alert(1)"));

    assertThat(email.html()).isEqualTo(
        "<p><a href=\"https://x.example/&#34;onmouseover=&#34;alert(1\">link</a>)</p>");
  }

  @Test
  void quotesBecomeSmartQuotes() {
    var email = render("\"Hello,\" she said. It's 1990's style, isn't it? 'Yes'");

    assertThat(email.plainText())
        .isEqualTo("\u201CHello,\u201D she said. It\u2019s 1990\u2019s style, isn\u2019t it? \u2018Yes\u2019\n");
    assertThat(email.html())
        .isEqualTo("<p>\u201CHello,\u201D she said. It\u2019s 1990\u2019s style, isn\u2019t it? \u2018Yes\u2019</p>");
  }

  @Test
  void quotesInsideLinksAndEmailAddressesStayStraight() {
    var email = render("Write to o'brien@example.com or see [the 'form'](https://x.example)");

    assertThat(email.html()).isEqualTo(
        "<p>Write to o'brien@example.com or see <a href=\"https://x.example\">the 'form'</a></p>");
  }

  @Test
  void spacedHyphensAndDashesBecomeEnDashes() {
    var email = render("9am - 5pm, 9am -- 5pm, 9am \u2014 5pm, well-known");

    assertThat(email.plainText()).isEqualTo("9am \u2013 5pm, 9am \u2013 5pm, 9am \u2013 5pm, well-known\n");
  }

  @Test
  void spacesBeforeCommasAndFullStopsAreRemoved() {
    assertThat(render("Hello ((name)) , you are done ((x)) .", Map.of("name", "Ann", "x", "")).plainText())
        .isEqualTo("Hello Ann, you are done.\n");
  }

  @Test
  void govUkIsNotTurnedIntoALinkByEmailClients() {
    assertThat(render("Visit GOV.UK today").plainText()).isEqualTo("Visit GOV.\u200BUK today\n");
  }

  @Test
  void theSubjectIsOneLineWithTypographyAndNoMarkdown() {
    var email = Template.email("  # Your   \"claim\"\n - ((ref)) ", "b").render(Map.of("ref", "<A1>"));

    assertThat(email.subject()).isEqualTo("# Your \u201Cclaim\u201D \u2013 <A1>");
  }

  @Test
  void leadingBlankLinesAreDroppedAndPlainTextEndsWithANewline() {
    assertThat(render("\n\n   \nHello").plainText()).isEqualTo("Hello\n");
  }

  @Test
  void aSetextUnderlineMakesAHeading() {
    assertThat(render("Title\n=====\n\nText").html()).isEqualTo("<h2>Title</h2><p>Text</p>");
  }
}
