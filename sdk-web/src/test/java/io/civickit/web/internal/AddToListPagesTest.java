package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Value;
import io.civickit.web.WebResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "add to a list" pages of a repeating set, walked in the runner: add, change, remove, the maximum, check answers. */
class AddToListPagesTest {
  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    web = new InProcess(dir, "/add-to-list-form.json", b -> { });
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private Journey onlyJourney() {
    try (Connection c = web.dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT journey_id FROM civickit_journeys")) {
      assertThat(rs.next()).isTrue();
      return web.runner.journeys().find(new JourneyId(rs.getString(1))).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String location(WebResponse r) {
    assertThat(r.status()).as("status of a POST that should redirect").isEqualTo(303);
    return r.header("Location").orElseThrow();
  }

  private InProcess.Browser atChildren() {
    InProcess.Browser b = web.browser();
    b.get("/");
    b.post("/start", Map.of());
    b.get("/apply/you");
    assertThat(location(b.post("/apply/you", Map.of("your_name", "Sam")))).endsWith("/apply/children");
    return b;
  }

  @Test
  void addTwoChildrenOverTwoPagesChangeOneRemoveOneAndSeeCardsOnCheckAnswers() {
    InProcess.Browser b = atChildren();
    // At least one child is needed, so the set starts with the first child's first page.
    assertThat(location(b.get("/apply/children"))).endsWith("/apply/children/0/child");
    String first = b.get("/apply/children/0/child").bodyText();
    assertThat(first).contains("About the child").contains("Child 1").contains("name=\"child_name\"")
        .contains("name=\"csrf\"");
    // errors on an item page are shown there, with the GOV.UK error summary
    String bad = b.post("/apply/children/0/child", Map.of("child_name", "", "at_school", "yes")).bodyText();
    assertThat(bad).contains("Enter the child's name").contains("govuk-error-summary");
    // child 1 is at school: the second page is asked (show-if on the item's own answer)
    assertThat(location(b.post("/apply/children/0/child", Map.of("child_name", "Alex", "at_school", "yes"))))
        .endsWith("/apply/children/0/school");
    b.get("/apply/children/0/school");
    assertThat(location(b.post("/apply/children/0/school", Map.of("school_name", "Ysgol Gymraeg"))))
        .endsWith("/apply/children");
    String summary = b.get("/apply/children").bodyText();
    assertThat(summary).contains("You have added 1 child").contains("Do you need to add another child?")
        .contains("href=\"/apply/children/0/remove\">Remove<span class=\"govuk-visually-hidden\"> Alex</span>")
        .contains("href=\"/apply/children/0/child\">Change");
    // no answer: the exact error
    assertThat(b.post("/apply/children", Map.of()).bodyText())
        .contains("Select yes if you need to add another child").contains("<title>Error: ");
    assertThat(location(b.post("/apply/children", Map.of("add-another", "yes"))))
        .endsWith("/apply/children/1/child");
    b.get("/apply/children/1/child");
    // child 2 is not at school: one page only
    assertThat(location(b.post("/apply/children/1/child", Map.of("child_name", "Bo", "at_school", "no"))))
        .endsWith("/apply/children");

    // the maximum (2) is reached: no question, the page says so
    String full = b.get("/apply/children").bodyText();
    assertThat(full).contains("You have added 2 children")
        .contains("You cannot add any more children. The most you can add is 2.")
        .doesNotContain("Do you need to add another child?");

    // change child 1's name: the item's other page is answered already, so back to the summary
    assertThat(b.get("/apply/children/0/child").bodyText()).contains("value=\"Alex\"");
    assertThat(location(b.post("/apply/children/0/child", Map.of("child_name", "Alexa", "at_school", "yes"))))
        .endsWith("/apply/children");
    // child 2 is now at school: the page that was hidden is asked
    b.get("/apply/children/1/child");
    assertThat(location(b.post("/apply/children/1/child", Map.of("child_name", "Bo", "at_school", "yes"))))
        .endsWith("/apply/children/1/school");
    assertThat(location(b.post("/apply/children/1/school", Map.of("school_name", "Ysgol y Bryn"))))
        .endsWith("/apply/children");
    assertThat(b.get("/apply/children").bodyText()).contains("> Alexa</span>");

    // remove child 2: a GET only asks; a POST without an answer says what to do; yes removes
    String confirm = b.get("/apply/children/1/remove").bodyText();
    assertThat(confirm).contains("Are you sure you want to remove Bo?").contains("name=\"confirm-remove\"");
    assertThat(b.get("/apply/children").bodyText()).contains("You have added 2 children");
    assertThat(b.post("/apply/children/1/remove", Map.of()).bodyText())
        .contains("Select yes if you want to remove Bo");
    assertThat(location(b.post("/apply/children/1/remove", Map.of("confirm-remove", "no")))).endsWith("/apply/children");
    assertThat(b.get("/apply/children").bodyText()).contains("You have added 2 children");
    b.get("/apply/children/1/remove");
    assertThat(location(b.post("/apply/children/1/remove", Map.of("confirm-remove", "yes")))).endsWith("/apply/children");
    assertThat(b.get("/apply/children").bodyText()).contains("You have added 1 child").doesNotContain("Bo");

    // done adding: the set is stored, in the documented shape
    assertThat(location(b.post("/apply/children", Map.of("add-another", "no")))).endsWith("/apply/contact");
    assertThat(onlyJourney().answers().get("children").value()).isEqualTo(Value.items(List.of(Value.fields(Map.of(
        "child_name", Value.text("Alexa"), "at_school", Value.bool(true), "school_name", Value.text("Ysgol Gymraeg"))))));
    b.get("/apply/contact");
    assertThat(location(b.post("/apply/contact", Map.of("phone", "01234 567890")))).endsWith("/apply/check-answers");

    // check your answers: a summary card per child, its change links come back here
    String check = b.get("/apply/check-answers").bodyText();
    assertThat(check).contains("<div class=\"govuk-summary-card\">")
        .contains("<h2 class=\"govuk-summary-card__title\">Child 1</h2>")
        .contains("<dd class=\"govuk-summary-list__value\">Alexa</dd>")
        .contains("href=\"/change/children/0/school\">Change<span class=\"govuk-visually-hidden\"> name of the school "
            + "(Child 1)</span>");
    String change = b.get("/change/children/0/school").bodyText();
    assertThat(change).contains("Name of the school").contains("value=\"Ysgol Gymraeg\"")
        .contains("href=\"/apply/check-answers\"");
    assertThat(location(b.post("/change/children/0/school", Map.of("school_name", "Ysgol y Dref"))))
        .endsWith("/apply/check-answers");
    assertThat(b.get("/apply/check-answers").bodyText()).contains("Ysgol y Dref").doesNotContain("Ysgol Gymraeg");
  }

  @Test
  void statesChangeOnlyByPostWithTheToken() {
    InProcess.Browser b = atChildren();
    b.get("/apply/children/0/child");
    b.csrf = "wrong";
    assertThat(b.post("/apply/children/0/child", Map.of("child_name", "Alex", "at_school", "no")).status())
        .isEqualTo(403);
    assertThat(onlyJourney().drafts()).doesNotContainKey("children");
  }

  @Test
  void theSummaryIsInWelshForAWelshSpeaker() {
    InProcess.Browser b = atChildren();
    b.post("/language", Map.of("to", "cy", "return", "/apply/children/0/child"));
    b.get("/apply/children/0/child");
    b.post("/apply/children/0/child", Map.of("child_name", "Alun", "at_school", "no"));
    String summary = b.get("/apply/children").bodyText();
    assertThat(summary).contains("Rydych wedi ychwanegu 1 plentyn").contains("Oes angen i chi ychwanegu plentyn arall?")
        .contains(">Newid<").contains(">Tynnu<");
    assertThat(b.post("/apply/children", Map.of()).bodyText())
        .contains("Dewiswch ‘oes’ os oes angen i chi ychwanegu plentyn arall");
  }
}
