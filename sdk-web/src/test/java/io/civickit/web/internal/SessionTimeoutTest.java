package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.web.JourneyRunner;
import io.civickit.web.WebResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session timeout warning on the runner's pages, "Stay signed in", and the page after the session ends. */
class SessionTimeoutTest {
  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    web = new InProcess(dir, "/test-form.json", b -> b.sessionWarning(Duration.ofMinutes(5)));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private InProcess.Browser started() {
    InProcess.Browser b = web.browser();
    b.get("/");
    assertThat(b.post("/start", Map.of()).header("Location")).contains("/apply/where");
    return b;
  }

  private static Element dialog(WebResponse page) {
    return Jsoup.parse(page.bodyText()).selectFirst("dialog#ck-timeout");
  }

  @Test
  void aPageOfAnApplicationUnderWayCarriesTheWarningDialogAndOthersDoNot() {
    InProcess.Browser b = web.browser();
    assertThat(dialog(b.get("/"))).isNull();
    b.post("/start", Map.of());
    Element d = dialog(b.get("/apply/where"));
    assertThat(d.attr("data-module")).isEqualTo("civickit-timeout");
    assertThat(d.attr("data-seconds-left")).isEqualTo("7200");
    assertThat(d.attr("data-warning-seconds")).isEqualTo("300");
    assertThat(d.attr("data-signed-out")).isEqualTo("/signed-out");
    assertThat(d.attr("aria-labelledby")).isEqualTo("ck-timeout-title");
    assertThat(d.attr("aria-describedby")).isEqualTo("ck-timeout-text");
    assertThat(d.hasAttr("open")).isFalse();
    assertThat(d.selectFirst("#ck-timeout-title").text()).isEqualTo("You’re about to be signed out");
    assertThat(d.selectFirst("#ck-timeout-text").text()).isEqualTo("For your security, we will sign you out in 5 minutes.");
    assertThat(d.selectFirst("form").attr("action")).isEqualTo("/session/extend");
    assertThat(d.selectFirst("form").attr("method")).isEqualTo("post");
    assertThat(d.selectFirst("input[name=csrf]").val()).isEqualTo(b.csrf);
    assertThat(d.selectFirst("input[name=return]").val()).isEqualTo("/apply/where");
    assertThat(d.selectFirst("#ck-timeout-stay").text()).isEqualTo("Stay signed in");
    assertThat(d.selectFirst("#ck-timeout-save").attr("href")).isEqualTo("/save");
    assertThat(Jsoup.parse(b.get("/apply/where").bodyText()).select("script")).extracting(e -> e.attr("src"))
        .containsExactly("/assets/civickit-web.js");

    b.post("/language", Map.of("to", "cy", "return", "/apply/where"));
    Element cy = dialog(b.get("/apply/where"));
    assertThat(cy.selectFirst("#ck-timeout-title").text()).isEqualTo("Rydych ar fin cael eich allgofnodi");
    assertThat(cy.selectFirst("#ck-timeout-text").text()).isEqualTo("Er eich diogelwch, byddwn yn eich allgofnodi ymhen 5 munud.");
    assertThat(cy.selectFirst("#ck-timeout-stay").text()).isEqualTo("Aros wedi mewngofnodi");
    assertThat(cy.attr("data-seconds")).isEqualTo("eiliad");
  }

  @Test
  void thePageSaysHowLongTheSessionReallyHasLeftAndStaySignedInStartsItAgain() {
    InProcess.Browser b = started();
    web.clock.advance(Duration.ofMinutes(5));
    // within the first tenth of the idle time a page view does not write the session: it has 115 minutes left
    assertThat(dialog(b.get("/apply/where")).attr("data-seconds-left")).isEqualTo(Integer.toString(115 * 60));
    WebResponse stay = b.post("/session/extend", Map.of("js", "1"));
    assertThat(stay.status()).isEqualTo(204);
    assertThat(dialog(b.get("/apply/where")).attr("data-seconds-left")).isEqualTo("7200");
    // a plain form (no script) goes back to the page it came from; anywhere else is refused
    web.clock.advance(Duration.ofMinutes(5));
    assertThat(b.post("/session/extend", Map.of("return", "/apply/where")).header("Location")).contains("/apply/where");
    assertThat(b.post("/session/extend", Map.of("return", "//evil.example")).header("Location")).contains("/");
    assertThat(b.post("/session/extend", Map.of("return", "//evil.example")).header("Location").orElseThrow())
        .isEqualTo("/");
    // without the session's CSRF token nothing is extended
    String token = b.csrf;
    b.csrf = "wrong";
    assertThat(b.post("/session/extend", Map.of("js", "1")).status()).isEqualTo(403);
    b.csrf = token;
    // kept alive by "Stay signed in", the session outlives its first two hours
    web.clock.advance(Duration.ofMinutes(119));
    assertThat(b.get("/apply/where").status()).isEqualTo(200);
  }

  @Test
  void afterTheSessionEndsTheNextPageSaysSoAndOffersToContinue() {
    InProcess.Browser b = started();
    web.clock.advance(Duration.ofMinutes(121));
    assertThat(b.get("/apply/where").header("Location").orElseThrow()).isEqualTo("/signed-out");
    WebResponse page = b.get("/signed-out");
    assertThat(page.status()).isEqualTo(200);
    Document d = Jsoup.parse(page.bodyText());
    assertThat(d.title()).startsWith("You have been signed out");
    assertThat(d.select("main h1").text()).isEqualTo("You have been signed out");
    assertThat(d.select("main p.govuk-body").eachText()).containsExactly(
        "You had not done anything for 2 hours, so we signed you out to keep your information secure.",
        "If you saved your application, you can continue it with the link we emailed you, or with your reference "
            + "number and a code we email to you.");
    assertThat(d.selectFirst("#continue-saved").attr("href")).isEqualTo("/resume");
    assertThat(d.selectFirst("#continue-saved").text()).isEqualTo("Continue an application you saved");
    assertThat(d.selectFirst("#start-again").attr("href")).isEqualTo("/");
    assertThat(d.selectFirst("dialog")).isNull();
    // the page gave the browser a new session: from here it is a first visit again
    assertThat(b.get("/apply/where").header("Location").orElseThrow()).isEqualTo("/");
  }

  @Test
  void aFormSentAfterTheSessionEndedGoesToTheSignedOutPageInItsLanguage() {
    InProcess.Browser b = started();
    b.post("/language", Map.of("to", "cy", "return", "/apply/where"));
    b.get("/apply/where");
    web.clock.advance(Duration.ofMinutes(121));
    WebResponse sent = b.post("/apply/where", Map.of("where", "Outside 4 Oak Lane"));
    assertThat(sent.status()).isEqualTo(303);
    assertThat(sent.header("Location").orElseThrow()).isEqualTo("/signed-out?lang=cy");
    Document d = Jsoup.parse(b.get("/signed-out?lang=cy").bodyText());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(d.select("main h1").text()).isEqualTo("Rydych wedi cael eich allgofnodi");
    assertThat(d.select("main p.govuk-body").eachText()).first().isEqualTo(
        "Nid oeddech wedi gwneud unrhyw beth am 2 awr, felly gwnaethom eich allgofnodi i gadw eich gwybodaeth yn ddiogel.");
    assertThat(d.selectFirst("#continue-saved").text()).isEqualTo("Parhau â chais a gadwyd gennych");
    // a first visit that posts without any session is refused as before
    InProcess.Browser stranger = web.browser();
    assertThat(stranger.post("/apply/where", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void stillSignedInTheSignedOutPageGoesBackToTheApplication() {
    InProcess.Browser b = started();
    assertThat(b.get("/signed-out").header("Location").orElseThrow()).isEqualTo("/apply/where");
  }

  @Test
  void theWarningMustComeBeforeTheSessionEnds() {
    assertThatThrownBy(() -> JourneyRunner.builder().sessionWarning(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the session warning must be at least 10 seconds, but was PT5S");
    assertThatThrownBy(() -> new InProcess(dir.resolve("other"), "/test-form.json",
        b -> b.sessionTimeout(Duration.ofMinutes(10)).sessionWarning(Duration.ofMinutes(10))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the session warning (PT10M) must be shorter than the session timeout (PT10M)");
  }
}
