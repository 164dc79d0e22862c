package io.civickit.test.pay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON against the component schemas of GOV.UK Pay's OpenAPI specification (the extract in
 * {@code govuk-pay/publicapi-schemas.json}). Strict where the specification is silent: a property
 * it does not list is an error, so neither the fake nor the client can drift into fields Pay does
 * not have. Two departures, both where the specification does not describe what Pay sends:
 * {@code ExternalMetadata} is checked as Pay documents metadata (a flat object of text, numbers and
 * true/false) and {@code PostLink.params} values are not checked (Pay sends text there).
 */
final class OpenApiShapes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode schemas;

  private OpenApiShapes(JsonNode schemas) {
    this.schemas = schemas;
  }

  static OpenApiShapes load() {
    try (InputStream in = OpenApiShapes.class.getResourceAsStream("/govuk-pay/publicapi-schemas.json")) {
      return new OpenApiShapes(JSON.readTree(in).get("schemas"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every way {@code value} departs from schema {@code name}; empty when it fits. */
  List<String> check(JsonNode value, String name) {
    if (!schemas.has(name)) {
      throw new IllegalArgumentException("no schema " + name);
    }
    List<String> errors = new ArrayList<>();
    check(value, schemas.get(name), name, "$", errors);
    return errors;
  }

  List<String> check(String json, String name) {
    try {
      return check(JSON.readTree(json), name);
    } catch (IOException e) {
      return List.of("not JSON");
    }
  }

  private void check(JsonNode v, JsonNode schema, String schemaName, String at, List<String> errors) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (name.equals("ExternalMetadata")) {
        metadata(v, at, errors);
        return;
      }
      check(v, schemas.get(name), name, at, errors);
      return;
    }
    if (v.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(at + ": null is not allowed");
      }
      return;
    }
    String type = schema.path("type").asText("object");
    switch (type) {
      case "object" -> object(v, schema, schemaName, at, errors);
      case "string" -> {
        if (!v.isTextual()) {
          errors.add(at + ": expected text");
          return;
        }
        String s = v.asText();
        if (schema.has("enum")) {
          boolean found = false;
          for (JsonNode e : schema.get("enum")) {
            found |= e.asText().equals(s);
          }
          if (!found) {
            errors.add(at + ": \"" + s + "\" is not one of " + schema.get("enum"));
          }
        }
        if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
          errors.add(at + ": longer than " + schema.get("maxLength"));
        }
        if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
          errors.add(at + ": shorter than " + schema.get("minLength"));
        }
      }
      case "integer" -> {
        if (!v.isIntegralNumber()) {
          errors.add(at + ": expected a whole number");
          return;
        }
        if (schema.has("minimum") && v.asLong() < schema.get("minimum").asLong()) {
          errors.add(at + ": below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && v.asLong() > schema.get("maximum").asLong()) {
          errors.add(at + ": above " + schema.get("maximum"));
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          errors.add(at + ": expected true or false");
        }
      }
      case "array" -> {
        if (!v.isArray()) {
          errors.add(at + ": expected a list");
          return;
        }
        for (int i = 0; i < v.size(); i++) {
          check(v.get(i), schema.get("items"), schemaName, at + "[" + i + "]", errors);
        }
      }
      default -> errors.add(at + ": schema type " + type + " is not handled");
    }
  }

  private void object(JsonNode v, JsonNode schema, String schemaName, String at, List<String> errors) {
    if (!v.isObject()) {
      errors.add(at + ": expected an object (" + schemaName + ")");
      return;
    }
    JsonNode props = schema.path("properties");
    if (schema.has("additionalProperties") && !schema.has("properties")) {
      return; // a map whose values the specification types loosely (PostLink.params)
    }
    for (JsonNode r : schema.path("required")) {
      if (!v.has(r.asText())) {
        errors.add(at + ": " + schemaName + " requires \"" + r.asText() + "\"");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode p = props.get(f.getKey());
      if (p == null) {
        errors.add(at + ": " + schemaName + " has no property \"" + f.getKey() + "\"");
      } else {
        check(f.getValue(), p, schemaName, at + "." + f.getKey(), errors);
      }
    }
  }

  private static void metadata(JsonNode v, String at, List<String> errors) {
    if (!v.isObject() || v.size() > 10) {
      errors.add(at + ": metadata is an object of at most 10 pairs");
      return;
    }
    v.fields().forEachRemaining(e -> {
      JsonNode x = e.getValue();
      if (e.getKey().isEmpty() || e.getKey().length() > 30 || !(x.isTextual() || x.isNumber() || x.isBoolean())
          || (x.isTextual() && x.asText().length() > 50)) {
        errors.add(at + "." + e.getKey() + ": metadata values are text (at most 50), numbers or true/false");
      }
    });
  }
}
