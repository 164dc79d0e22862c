package io.civickit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Form;
import io.civickit.forms.FormFormatException;
import io.civickit.forms.Forms;
import io.civickit.forms.Page;
import io.civickit.forms.PageCheck;
import io.civickit.forms.Prefill;
import io.civickit.forms.Question;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.lint.FormLint;
import io.civickit.forms.lint.LintProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code civickit form}: lint form definitions, validate answers to a page and preview a page as
 * HTML. Exit status: 0 when all is well, 1 when there are problems (lint) or errors (validate),
 * 2 when the command could not do its work (a missing file, a form that does not read).
 */
@Command(name = "form", mixinStandardHelpOptions = true,
    description = "Lint, validate and preview CivicKit forms (JSON).",
    subcommands = {FormCommand.Lint.class, FormCommand.Validate.class, FormCommand.Render.class,
        FormCommand.Schema.class})
public final class FormCommand implements Runnable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code civickit form lint FORM.json...}: one problem per line, exit 1 when there are any. */
  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = "Check forms for problems: structure, conditions, routing, GOV.UK content rules, Welsh text. "
          + "Prints one problem per line (PATH: MESSAGE, prefixed by the file when several are given); "
          + "exit status 1 when there are any.")
  public static final class Lint implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FORM.json", description = "Form files.")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int total = 0;
      for (Path file : files) {
        List<LintProblem> problems;
        try {
          problems = FormLint.checkFile(file);
        } catch (UncheckedIOException e) {
          err.println(file + ": cannot read: " + e.getCause().getMessage());
          err.flush();
          return 2;
        }
        for (LintProblem p : problems) {
          out.println(files.size() > 1 ? file + ": " + p : p.toString());
        }
        total += problems.size();
      }
      out.flush();
      if (total > 0) {
        err.println(total + (total == 1 ? " problem" : " problems"));
        err.flush();
      }
      return total == 0 ? 0 : 1;
    }
  }

  /** Options shared by validate and render. */
  abstract static class PageCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORM.json", description = "The form file.")
    Path formFile;

    @Option(names = "--page", required = true, paramLabel = "PAGE_ID", description = "The page id.")
    String pageId;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
        description = "Language of messages and text: en (default) or cy.")
    String lang;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD",
        description = "The date to treat as today for date rules (default: the real date), for repeatable CI runs.")
    LocalDate today;

    Locale locale() {
      if (!lang.equals("en") && !lang.equals("cy")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be en or cy, but was " + lang);
      }
      return lang.equals("cy") ? Locale.forLanguageTag("cy") : Locale.UK;
    }

    LocalDate today() {
      return today != null ? today : LocalDate.now();
    }

    /** Reads the form, or prints why not and returns empty. */
    Optional<Form> form() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        return Optional.of(Forms.read(formFile));
      } catch (FormFormatException e) {
        e.problems().forEach(p -> err.println(formFile + ": " + p));
      } catch (UncheckedIOException e) {
        err.println(formFile + ": cannot read: " + e.getCause().getMessage());
      }
      err.flush();
      return Optional.empty();
    }

    Optional<Page> page(Form form) {
      Optional<Page> page = form.page(pageId);
      if (page.isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("form '" + form.id() + "' has no page '" + pageId + "'; its pages are "
            + String.join(", ", form.pages().stream().map(Page::id).toList()));
        err.flush();
      }
      return page;
    }

    /** Reads an answers file: an object of field names to text, numbers, true/false or lists. */
    Optional<Map<String, List<String>>> answers(Path file) {
      PrintWriter err = spec.commandLine().getErr();
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(Forms.MAX_JSON_BYTES + 1);
        if (bytes.length > Forms.MAX_JSON_BYTES) {
          err.println(file + ": larger than " + Forms.MAX_JSON_BYTES + " bytes");
          err.flush();
          return Optional.empty();
        }
        JsonNode node = JSON.readTree(bytes);
        if (node == null || !node.isObject()) {
          err.println(file + ": expected a JSON object of field names to values");
          err.flush();
          return Optional.empty();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          List<String> values = new ArrayList<>();
          JsonNode v = e.getValue();
          if (v.isArray()) {
            v.forEach(x -> values.add(x.asText()));
          } else if (v.isValueNode() && !v.isNull()) {
            values.add(v.asText());
          } else if (!v.isNull()) {
            err.println(file + ": field '" + e.getKey() + "' must be text, a number, true/false or a list");
            err.flush();
            return Optional.empty();
          }
          out.put(e.getKey(), values);
        }
        return Optional.of(out);
      } catch (IOException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        err.flush();
        return Optional.empty();
      }
    }

    PageCheck check(Form form, Map<String, List<String>> input) {
      Map<String, Value> others = Prefill.fromInput(form, input, today());
      return PageCheck.of(form, pageId, input, others, locale(), today());
    }
  }

  /**
   * {@code civickit form validate FORM.json --page PAGE_ID --answers ANSWERS.json [--lang cy]}:
   * prints {@code {"valid":..,"errors":[{"field":..,"message":..}],"answers":{..}}}.
   */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validate answers to one page and print JSON: "
          + "{\"valid\": true|false, \"errors\": [{\"field\", \"message\"}], \"answers\": {normalised}}. "
          + "Exit status 1 when the answers have errors.")
  public static final class Validate extends PageCommand implements Callable<Integer> {
    @Option(names = "--answers", required = true, paramLabel = "ANSWERS.json",
        description = "A JSON object of field names to values, as a browser sends them "
            + "(\"dob-day\": \"1\"; checkboxes as a list). Answers to other pages are used for show-if conditions.")
    Path answersFile;

    @Override
    public Integer call() throws IOException {
      Optional<Form> form = form();
      if (form.isEmpty()) {
        return 2;
      }
      locale();
      if (page(form.get()).isEmpty()) {
        return 2;
      }
      Optional<Map<String, List<String>>> input = answers(answersFile);
      if (input.isEmpty()) {
        return 2;
      }
      PageCheck check = check(form.get(), input.get());
      ObjectNode result = JSON.createObjectNode();
      result.put("valid", check.valid());
      ArrayNode errors = result.putArray("errors");
      for (FieldError e : check.errors()) {
        errors.addObject().put("field", e.field()).put("message", e.message());
      }
      ObjectNode answers = result.putObject("answers");
      check.answers().forEach((id, v) -> answers.set(id, v.map(FormCommand::json).orElse(answers.nullNode())));
      PrintWriter out = spec.commandLine().getOut();
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      out.flush();
      return check.valid() ? 0 : 1;
    }
  }

  /** {@code civickit form render FORM.json --page PAGE_ID [--answers A.json] [--lang cy]}: the page's HTML. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Print one page as GOV.UK Frontend HTML. With --answers, the inputs keep those values and the "
          + "page shows the errors they have, as a person would see it after pressing Continue.")
  public static final class Render extends PageCommand implements Callable<Integer> {
    @Option(names = "--answers", paramLabel = "ANSWERS.json", description = "Answers to show, as for validate.")
    Path answersFile;

    @Override
    public Integer call() {
      Optional<Form> form = form();
      if (form.isEmpty()) {
        return 2;
      }
      Locale locale = locale();
      Optional<Page> page = page(form.get());
      if (page.isEmpty()) {
        return 2;
      }
      Map<String, List<String>> raw = Map.of();
      Map<String, String> errors = new LinkedHashMap<>();
      if (answersFile != null) {
        Optional<Map<String, List<String>>> input = answers(answersFile);
        if (input.isEmpty()) {
          return 2;
        }
        raw = input.get();
        for (FieldError e : check(form.get(), raw).errors()) {
          errors.putIfAbsent(questionOf(page.get(), e.field()), e.message());
        }
      }
      String html = new FormRenderer(form.get().title().in(locale)).renderPage(page.get(), raw, errors, locale);
      PrintWriter out = spec.commandLine().getOut();
      out.println(html);
      out.flush();
      return 0;
    }

    private static String questionOf(Page page, String field) {
      for (Question q : page.questions()) {
        if (field.equals(q.id()) || field.startsWith(q.id() + "-")) {
          return q.id();
        }
      }
      return field;
    }
  }

  /** {@code civickit form schema}: prints the JSON Schema of the form format. */
  @Command(name = "schema", mixinStandardHelpOptions = true,
      description = "Print the JSON Schema (draft 2020-12) of the form format, for editors and CI checks.")
  public static final class Schema implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(Forms.schema());
      out.flush();
      return 0;
    }
  }

  /** A typed answer as JSON: text, number, true/false, "YYYY-MM-DD", a list or an object. */
  static JsonNode json(Value v) {
    if (v instanceof Value.Text t) {
      return JSON.getNodeFactory().textNode(t.value());
    } else if (v instanceof Value.Decimal d) {
      return JSON.getNodeFactory().numberNode(d.value());
    } else if (v instanceof Value.Bool b) {
      return JSON.getNodeFactory().booleanNode(b.value());
    } else if (v instanceof Value.Date d) {
      return JSON.getNodeFactory().textNode(d.value().toString());
    } else if (v instanceof Value.Items items) {
      ArrayNode a = JSON.createArrayNode();
      items.values().forEach(x -> a.add(json(x)));
      return a;
    }
    ObjectNode o = JSON.createObjectNode();
    ((Value.Fields) v).values().forEach((k, x) -> o.set(k, json(x)));
    return o;
  }
}
