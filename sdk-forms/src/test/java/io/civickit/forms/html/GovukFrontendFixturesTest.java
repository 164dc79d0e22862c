package io.civickit.forms.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.forms.internal.html.Govuk;
import io.civickit.forms.internal.html.Govuk.ErrorLink;
import io.civickit.forms.internal.html.Govuk.Field;
import io.civickit.forms.internal.html.Govuk.Option;
import io.civickit.forms.internal.html.Govuk.SummaryRow;
import io.civickit.forms.internal.html.Govuk.Task;
import io.civickit.forms.internal.html.Govuk.TaskStatus;
import io.civickit.forms.internal.html.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GOV.UK Frontend's own fixtures (each component's {@code fixtures.json} in the webjar on the test
 * classpath: options in, the HTML its Nunjucks macro makes out) are the oracle for CivicKit's
 * markup. Each fixture named below is mapped to the equivalent CivicKit call and the two are
 * compared as element trees: tag names, class sets, attributes (ids, names, types, values,
 * {@code for}, {@code aria-describedby}, {@code data-module}, {@code role}, {@code inputmode},
 * {@code autocomplete}...) and text. The fixtures are read at test time, so a GOV.UK Frontend
 * upgrade re-runs the comparison.
 *
 * <p>Two differences are by design and undone before comparing: a legend that is not the page
 * heading is medium ({@code govuk-fieldset__legend--m}) in CivicKit, where fixtures leave its size
 * to the caller; and a task's status words and tag colour are CivicKit's (fixtures choose freely).
 * Most summary list fixtures hold HTML values or several actions per row, which CivicKit never
 * renders: the one all-text fixture is compared here, and the Change links are checked against
 * GOV.UK Frontend's rules in {@code GovukMarkupTest}.
 */
class GovukFrontendFixturesTest {
  static final String BASE = "/META-INF/resources/webjars/govuk-frontend/";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Lang EN = Lang.EN;

  static JsonNode fixture(String component, String name) {
    String version = io.civickit.forms.html.GovukFrontendFixturesTest.version();
    String path = BASE + version + "/dist/govuk/components/" + component + "/fixtures.json";
    try (InputStream in = GovukFrontendFixturesTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no " + path + " on the test classpath");
      }
      for (JsonNode f : JSON.readTree(in).get("fixtures")) {
        if (f.get("name").asText().equals(name)) {
          return f;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no fixture '" + name + "' for " + component);
  }

  static String version() {
    try (InputStream in = GovukFrontendFixturesTest.class.getResourceAsStream(
        "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot find the GOV.UK Frontend webjar's version", e);
    }
  }

  // ---------------------------------------------------------------- mapping options to calls

  static String text(JsonNode n, String... path) {
    JsonNode v = n;
    for (String p : path) {
      v = v == null ? null : v.get(p);
    }
    return v == null || v.isNull() ? null : v.asText();
  }

  static boolean heading(JsonNode o) {
    return o.path("label").path("isPageHeading").asBoolean(false)
        || o.path("fieldset").path("legend").path("isPageHeading").asBoolean(false);
  }

  static Field field(JsonNode o) {
    String name = text(o, "name");
    String id = text(o, "id") != null ? text(o, "id") : text(o, "idPrefix") != null ? text(o, "idPrefix") : name;
    String label = text(o, "label", "text") != null ? text(o, "label", "text") : text(o, "fieldset", "legend", "text");
    return new Field(id, name == null ? id : name, label, text(o, "hint", "text"), text(o, "errorMessage", "text"),
        heading(o));
  }

  static List<Option> options(JsonNode o) {
    List<Option> out = new ArrayList<>();
    boolean divider = false;
    for (JsonNode i : o.path("items")) {
      if (i.has("divider")) {
        assertThat(i.get("divider").asText()).isEqualTo("or");
        divider = true;
        continue;
      }
      JsonNode conditional = i.path("conditional").path("html");
      out.add(new Option(i.get("value").asText(), text(i, "text"), text(i, "hint", "text"),
          "exclusive".equals(text(i, "behaviour")), divider, conditional.isTextual() ? conditional.asText() : null));
      divider = false;
    }
    return out;
  }

  static List<String> checked(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : o.path("items")) {
      if (i.path("checked").asBoolean(false)) {
        out.add(i.get("value").asText());
      }
    }
    return out;
  }

  static String input(JsonNode o) {
    String classes = text(o, "classes");
    return Govuk.input(field(o), text(o, "type") == null ? "text" : text(o, "type"), text(o, "value"),
        text(o, "autocomplete"), text(o, "inputmode"), classes, o.path("spellcheck").isBoolean()
            && !o.get("spellcheck").asBoolean(), text(o, "prefix", "text"), text(o, "suffix", "text"), EN);
  }

  static String textarea(JsonNode o) {
    return Govuk.textarea(field(o), text(o, "value"), 0, o.path("rows").asInt(5), null, EN);
  }

  static String characterCount(JsonNode o) {
    return Govuk.textarea(field(o), text(o, "value"), o.get("maxlength").asInt(), o.path("rows").asInt(5), null, EN);
  }

  static String wordCount(JsonNode o) {
    return Govuk.textareaWords(field(o), text(o, "value"), o.get("maxwords").asInt(), o.path("rows").asInt(5), null, EN);
  }

  static String dateInput(JsonNode o) {
    Field f = field(o);
    if (text(o, "namePrefix") != null) {
      f = new Field(f.id(), text(o, "namePrefix"), f.label(), f.hint(), f.error(), f.labelIsHeading());
    }
    List<String> wrong = new ArrayList<>();
    String[] values = new String[3];
    int k = 0;
    for (JsonNode i : o.path("items")) {
      if (text(i, "classes") != null && text(i, "classes").contains("govuk-input--error")) {
        wrong.add(i.get("name").asText());
      }
      values[k++] = text(i, "value");
    }
    return Govuk.dateInput(f, values[0], values[1], values[2], wrong, null, EN);
  }

  static String radios(JsonNode o) {
    List<String> c = checked(o);
    return Govuk.radios(field(o), options(o), c.isEmpty() ? null : c.get(0),
        text(o, "classes") != null && text(o, "classes").contains("govuk-radios--inline"), EN);
  }

  static String checkboxes(JsonNode o) {
    return Govuk.checkboxes(field(o), options(o), checked(o), EN);
  }

  static String select(JsonNode o) {
    List<Option> options = new ArrayList<>();
    String selected = null;
    for (JsonNode i : o.path("items")) {
      options.add(new Option(i.get("value").asText(), text(i, "text"), null));
      if (i.path("selected").asBoolean(false)) {
        selected = i.get("value").asText();
      }
    }
    return Govuk.select(field(o), options, selected, EN);
  }

  static String fileUpload(JsonNode o) {
    return Govuk.fileUpload(field(o), text(o, "attributes", "accept"), EN);
  }

  static String errorSummary(JsonNode o) {
    List<ErrorLink> links = new ArrayList<>();
    for (JsonNode e : o.path("errorList")) {
      links.add(new ErrorLink(text(e, "href").substring(1), text(e, "text")));
    }
    return Govuk.errorSummary(links, EN);
  }

  static String errorMessage(JsonNode o) {
    // The component alone has no id; CivicKit's always has one (the field's), so it is the only attribute added.
    return Govuk.errorMessageFor(Field.of("x", "x", null, text(o, "text")), EN).replace(" id=\"x-error\"", "");
  }

  static String hint(JsonNode o) {
    return Govuk.hintFor(Field.of("x", "x", text(o, "text"), null)).replace(" id=\"x-hint\"", "");
  }

  static String summaryList(JsonNode o) {
    List<SummaryRow> rows = new ArrayList<>();
    for (JsonNode r : o.path("rows")) {
      JsonNode actions = r.path("actions").path("items");
      rows.add(new SummaryRow(text(r, "key", "text"), List.of(text(r, "value", "text")),
          actions.size() == 1 ? text(actions.get(0), "href") : null,
          actions.size() == 1 ? text(actions.get(0), "visuallyHiddenText") : ""));
    }
    return Govuk.summaryList(rows, EN);
  }

  static String taskList(JsonNode o) {
    List<Task> tasks = new ArrayList<>();
    int n = 0;
    for (JsonNode t : o.path("items")) {
      n++;
      String status = text(t, "status", "text") != null ? text(t, "status", "text") : text(t, "status", "tag", "text");
      TaskStatus s = switch (status) {
        case "Completed" -> TaskStatus.COMPLETED;
        case "Cannot start yet" -> TaskStatus.CANNOT_START_YET;
        case "In progress" -> TaskStatus.IN_PROGRESS;
        default -> TaskStatus.NOT_YET_STARTED;
      };
      tasks.add(new Task("task-list-" + n, text(t, "title", "text"), text(t, "hint", "text"), text(t, "href"), s));
    }
    return Govuk.taskList(tasks, EN);
  }

  static String insetText(JsonNode o) {
    return Govuk.insetText(Govuk.text(text(o, "text")));
  }

  static String details(JsonNode o) {
    return Govuk.details(text(o, "summaryText"), Govuk.text(text(o, "text")));
  }

  static String warningText(JsonNode o) {
    return Govuk.warningText(text(o, "text"), EN);
  }

  /** A declaration's single checkbox; a fixture's own extra {@code describedBy} id is added as the macro adds it. */
  static String singleCheckbox(JsonNode o) {
    JsonNode item = o.get("items").get(0);
    String name = text(o, "name");
    String id = text(o, "idPrefix") != null ? text(o, "idPrefix") : name;
    Field f = new Field(id, name, text(item, "text"), text(o, "hint", "text"), text(o, "errorMessage", "text"), false);
    String html = Govuk.singleCheckbox(f, item.get("value").asText(), item.path("checked").asBoolean(false), EN);
    String extra = text(o, "describedBy");
    return extra == null ? html : html.replace("aria-describedby=\"", "aria-describedby=\"" + extra + " ");
  }

  /**
   * A label as CivicKit writes it above a text input (the page heading's wrapper included). The
   * macro alone has no field to point at, so where a fixture has no {@code for}, CivicKit's is
   * left out before comparing.
   */
  static String label(JsonNode o) {
    String id = text(o, "for") != null ? text(o, "for") : "x";
    Field f = new Field(id, id, text(o, "text"), null, null, o.path("isPageHeading").asBoolean(false));
    Element label = Jsoup.parseBodyFragment(Govuk.input(f, "text", null, null, null, null, false, EN)).selectFirst("label");
    if (text(o, "for") == null) {
      label.removeAttr("for");
    }
    Element wrapper = label.parent();
    return wrapper != null && wrapper.tagName().equals("h1") ? wrapper.outerHtml() : label.outerHtml();
  }

  /**
   * A fieldset and its legend as CivicKit opens one for a group of fields (radios, or a date
   * input's {@code role="group"} fieldset when the fixture asks for that role); the fields
   * inside are the other fixtures' business, so only the legend is kept.
   */
  static String fieldset(JsonNode o) {
    Field f = new Field("x", "x", text(o, "legend", "text"), null, null,
        o.path("legend").path("isPageHeading").asBoolean(false));
    String html = "group".equals(text(o, "role"))
        ? Govuk.dateInput(f, null, null, null, List.of(), null, EN)
        : Govuk.radios(f, List.of(new Option("a", "A", null)), null, false, EN);
    Element fieldset = Jsoup.parseBodyFragment(html).selectFirst("fieldset");
    fieldset.children().stream().filter(c -> !c.tagName().equals("legend")).forEach(Element::remove);
    return fieldset.outerHtml();
  }

  /** A summary list of text rows; a fixture's empty rows ({@code null}, {@code false}, "") are left out as the macro does. */
  static String summaryListOfText(JsonNode o) {
    List<SummaryRow> rows = new ArrayList<>();
    for (JsonNode r : o.path("rows")) {
      if (r.isObject()) {
        rows.add(new SummaryRow(text(r, "key", "text"), List.of(text(r, "value", "text")), null, ""));
      }
    }
    return Govuk.summaryList(rows, EN);
  }

  static Stream<Arguments> fixtures() {
    List<Arguments> out = new ArrayList<>();
    add(out, "input", GovukFrontendFixturesTest::input, "default", "with hint text", "with error message",
        "with error and hint", "with width-10 class", "with label as page heading", "with prefix", "with suffix", "with prefix and suffix",
        "with prefix and suffix and error", "value",
        "with autocomplete attribute", "with spellcheck disabled", "inputmode");
    add(out, "textarea", GovukFrontendFixturesTest::textarea, "default", "with hint", "with error message",
        "with default value", "with custom rows", "with label as page heading");
    add(out, "character-count", GovukFrontendFixturesTest::characterCount, "default", "with hint",
        "with hint and error", "with default value", "with custom rows", "with label as page heading");
    add(out, "character-count", GovukFrontendFixturesTest::wordCount, "with word count");
    add(out, "date-input", GovukFrontendFixturesTest::dateInput, "default", "with errors only", "with errors and hint",
        "with error on day input", "with error on month input", "with error on year input");
    add(out, "radios", GovukFrontendFixturesTest::radios, "default", "with hint", "inline",
        "with fieldset and error message", "with a divider");
    add(out, "checkboxes", GovukFrontendFixturesTest::checkboxes, "default", "with hint",
        "with legend as a page heading", "with error message", "with divider and None");
    // conditional reveal: the revealed HTML is the fixture's own, so the wrapper, its id and the input's link are compared
    add(out, "radios", GovukFrontendFixturesTest::radios, "with conditional items", "with conditional item checked",
        "textarea in conditional");
    add(out, "checkboxes", GovukFrontendFixturesTest::checkboxes, "with conditional items",
        "with conditional item checked", "textarea in conditional");
    // "default" and "with label as page heading" have a disabled option, which CivicKit never makes.
    add(out, "select", GovukFrontendFixturesTest::select, "with hint text and error message");
    add(out, "file-upload", GovukFrontendFixturesTest::fileUpload, "default", "with hint text",
        "with error message and hint", "with label as page heading");
    add(out, "error-summary", GovukFrontendFixturesTest::errorSummary, "default");
    add(out, "error-message", GovukFrontendFixturesTest::errorMessage, "default");
    add(out, "hint", GovukFrontendFixturesTest::hint, "default");
    add(out, "task-list", GovukFrontendFixturesTest::taskList, "default");
    add(out, "inset-text", GovukFrontendFixturesTest::insetText, "default", "html as text");
    add(out, "details", GovukFrontendFixturesTest::details, "default", "html as text", "summary html as text");
    add(out, "warning-text", GovukFrontendFixturesTest::warningText, "default", "html as text", "multiple lines");
    add(out, "label", GovukFrontendFixturesTest::label, "for", "as page heading l", "html as text");
    add(out, "fieldset", GovukFrontendFixturesTest::fieldset, "default", "as page heading l", "html as text", "role");
    add(out, "summary-list", GovukFrontendFixturesTest::summaryListOfText, "with falsy values");
    add(out, "checkboxes", GovukFrontendFixturesTest::singleCheckbox, "empty conditional", "with error and idPrefix",
        "with single option set 'aria-describedby' on input, and describedBy");
    return out.stream();
  }

  static void add(List<Arguments> out, String component, Function<JsonNode, String> render, String... names) {
    Arrays.stream(names).forEach(n -> out.add(Arguments.of(component, n, render)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixtures")
  void civicKitMakesTheSameMarkupAsGovukFrontend(String component, String name, Function<JsonNode, String> render) {
    JsonNode f = fixture(component, name);
    JsonNode options = f.get("options");
    String expected = f.get("html").asText();
    String actual = render.apply(options);
    boolean ignoreDateNames = component.equals("date-input") && text(options, "namePrefix") == null;
    String want = tree(expected, ignoreDateNames, component);
    String got = tree(actual, ignoreDateNames, component);
    assertThat(got).as("CivicKit's %s for fixture '%s' differs first at%n%s", component, name, firstDifference(want, got))
        .isEqualTo(want);
  }

  /** The first line where two trees differ, with the lines before it, for a readable failure. */
  static String firstDifference(String want, String got) {
    String[] a = want.split("\n");
    String[] b = got.split("\n");
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    StringBuilder s = new StringBuilder();
    for (int k = Math.max(0, i - 2); k < i; k++) {
      s.append("    ").append(a[k]).append('\n');
    }
    s.append("GOV.UK: ").append(i < a.length ? a[i] : "(end)").append('\n');
    s.append("ours:   ").append(i < b.length ? b[i] : "(end)");
    return s.toString();
  }

  // ---------------------------------------------------------------- structural comparison

  /** Attributes whose value is a list of tokens in any order. */
  static final Set<String> TOKEN_LISTS = Set.of("class");

  static String tree(String html, boolean ignoreDateNames, String component) {
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder b = new StringBuilder();
    for (Node n : body.childNodes()) {
      write(n, 0, b, ignoreDateNames, component);
    }
    return b.toString();
  }

  static void write(Node node, int depth, StringBuilder b, boolean ignoreDateNames, String component) {
    if (node instanceof TextNode t) {
      String s = t.getWholeText().replaceAll("\\s+", " ").strip();
      if (!s.isEmpty()) {
        b.append("  ".repeat(depth)).append('"').append(s).append("\"\n");
      }
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    TreeMap<String, String> attrs = new TreeMap<>();
    e.attributes().forEach(a -> attrs.put(a.getKey(), a.getValue()));
    if (attrs.containsKey("class")) {
      TreeSet<String> classes = new TreeSet<>(Arrays.asList(attrs.get("class").trim().split("\\s+")));
      classes.remove("govuk-fieldset__legend--m");
      if (component.equals("task-list")) {
        classes.removeIf(c -> c.startsWith("govuk-tag--"));
      }
      attrs.put("class", String.join(" ", classes));
    }
    if (component.equals("task-list") && e.hasClass("govuk-task-list__status")) {
      b.append("  ".repeat(depth)).append("<status>\n");
      return;
    }
    if (ignoreDateNames && e.tagName().equals("input")) {
      attrs.remove("name");
    }
    b.append("  ".repeat(depth)).append('<').append(e.tagName());
    attrs.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
    b.append(">\n");
    for (Node c : e.childNodes()) {
      write(c, depth + 1, b, ignoreDateNames, component);
    }
  }
}
