package io.civickit.benchmarks.validation;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * networknt json-schema-validator on the equivalent JSON Schema ({@code housing-form.schema.json},
 * draft 2020-12, format assertions on). The posted form is first turned into the JSON object the
 * schema describes (trimmed strings, numbers where the text is a number, dates as
 * {@code yyyy-mm-dd}), as an application would before validating.
 */
public final class JsonSchemaSubmission implements SubmissionValidator {

  /** The custom format for telephone numbers. */
  static final class UkPhoneFormat implements Format {
    @Override
    public String getName() {
      return "uk-phone";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return UkPhone.isValid(value);
    }
  }

  private static final Set<String> TEXT = Set.of("full_name", "preferred_name", "address_line1", "address_line2", "town",
      "employer_name", "reason", "phone", "tenure", "council_area", "has_children", "receives_benefits",
      "needs_adaptations", "contact_preference");
  private static final List<String> NUMBERS = List.of("household_size", "bedrooms", "weekly_rent", "monthly_income");
  private static final List<String> DATES = List.of("date_of_birth", "move_in_date", "tenancy_start");
  private static final List<String> EMAILS = List.of("email", "alt_email");

  private final Schema schema;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /** Loads and compiles the schema once. */
  public JsonSchemaSubmission() {
    Dialect dialect = Dialect.builder(Dialects.getDraft202012()).format(new UkPhoneFormat()).build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).locale(Locale.UK).build()));
    try (InputStream in = JsonSchemaSubmission.class.getResourceAsStream("housing-form.schema.json")) {
      this.schema = registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.schema.initializeValidators();
  }

  @Override
  public String name() {
    return "networknt JSON Schema";
  }

  @Override
  public List<Error> validate(Map<String, List<String>> input) {
    return schema.validate(bind(input));
  }

  /** The posted form as the JSON object the schema describes. */
  ObjectNode bind(Map<String, List<String>> input) {
    ObjectNode o = nodes.objectNode();
    for (String name : TEXT) {
      String v = first(input, name);
      if (!v.isEmpty()) {
        o.put(name, v);
      }
    }
    for (String name : EMAILS) {
      String v = first(input, name).replace(" ", "");
      if (!v.isEmpty()) {
        o.put(name, v);
      }
    }
    String postcode = first(input, "postcode");
    if (!postcode.isEmpty()) {
      o.put("postcode", postcode.toUpperCase(Locale.ROOT));
    }
    for (String name : NUMBERS) {
      String v = first(input, name).replace(",", "");
      if (!v.isEmpty()) {
        if (isNumber(v)) {
          o.put(name, new java.math.BigDecimal(v));
        } else {
          o.put(name, v);
        }
      }
    }
    for (String name : DATES) {
      String d = first(input, name + "-day");
      String m = first(input, name + "-month");
      String y = first(input, name + "-year");
      if (!(d.isEmpty() && m.isEmpty() && y.isEmpty())) {
        o.put(name, y + "-" + pad(m) + "-" + pad(d));
      }
    }
    List<String> needs = input.getOrDefault("support_needs", List.of());
    if (!needs.isEmpty()) {
      ArrayNode a = o.putArray("support_needs");
      for (String n : needs) {
        String v = n.strip();
        if (!v.isEmpty()) {
          a.add(v);
        }
      }
      if (a.isEmpty()) {
        o.remove("support_needs");
      }
    }
    return o;
  }

  private static String first(Map<String, List<String>> input, String name) {
    List<String> v = input.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0).strip();
  }

  private static String pad(String part) {
    return part.length() == 1 && Character.isDigit(part.charAt(0)) ? "0" + part : part;
  }

  private static boolean isNumber(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    boolean digits = false;
    boolean point = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits && s.length() <= 30;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<String> invalidQuestions(Object result) {
    Set<String> out = new TreeSet<>();
    for (Error e : (List<Error>) result) {
      if ("required".equals(e.getKeyword())) {
        out.add(e.getProperty());
      } else {
        out.add(e.getInstanceLocation().getName(0));
      }
    }
    return out;
  }
}
