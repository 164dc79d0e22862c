package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summary list with several actions per row and the summary card that the "add to a list"
 * pages and check your answers render, compared structurally with GOV.UK Frontend's own
 * summary-list fixtures (every fixture whose values are plain text, as CivicKit's always are).
 */
class AddToListFixturesTest {

  static List<AddToList.Row> rows(JsonNode options) {
    List<AddToList.Row> out = new ArrayList<>();
    for (JsonNode r : options.path("rows")) {
      List<String[]> actions = new ArrayList<>();
      for (JsonNode a : r.path("actions").path("items")) {
        actions.add(new String[] {a.get("text").asText(), a.get("href").asText(),
            a.path("visuallyHiddenText").asText("")});
      }
      out.add(new AddToList.Row(r.path("key").path("text").asText(), List.of(r.path("value").path("text").asText()),
          actions));
    }
    return out;
  }

  static String render(JsonNode options) {
    if (options.has("card")) {
      List<String[]> actions = new ArrayList<>();
      for (JsonNode a : options.path("card").path("actions").path("items")) {
        actions.add(new String[] {a.get("text").asText(), a.get("href").asText()});
      }
      return AddToList.card(options.path("card").path("title").path("text").asText(), actions, rows(options));
    }
    return AddToList.summaryList(rows(options), false);
  }

  @ParameterizedTest(name = "summary-list: {0}")
  @ValueSource(strings = {"as a summary card with a text header", "as a summary card with actions",
      "as a summary card with actions plus summary list actions", "summary card with only 1 action", "actions href",
      "single action with anchor"})
  void sameMarkupAsGovukFrontend(String name) {
    JsonNode f = GovukFrontendFixturesTest.fixture("summary-list", name);
    String want = GovukFrontendFixturesTest.tree(f.get("html").asText(), false, "summary-list");
    String got = GovukFrontendFixturesTest.tree(render(f.get("options")), false, "summary-list");
    assertThat(got).as("differs first at%n%s", GovukFrontendFixturesTest.firstDifference(want, got)).isEqualTo(want);
  }
}
