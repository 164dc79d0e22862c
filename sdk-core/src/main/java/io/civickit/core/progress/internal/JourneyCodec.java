package io.civickit.core.progress.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Failures;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.UnreadableDataException;
import io.civickit.core.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journeys to and from JSON bytes, keeping every value's type. The format is versioned by
 * {@code "f"}. Written and read with Jackson's streaming API (no tree in between): the store
 * encodes on every save and decodes on every load. Unknown fields are skipped when reading, so
 * a later format can add fields without breaking an older reader.
 */
public final class JourneyCodec {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String SAVED_JOURNEY = "a saved journey";

  private JourneyCodec() {}

  public static byte[] encode(Journey j) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("f", 1);
      g.writeStringField("id", j.id().value());
      g.writeStringField("ref", j.reference().value());
      g.writeStringField("def", j.definitionId());
      g.writeNumberField("defv", j.definitionVersion());
      g.writeStringField("step", j.currentStep());
      g.writeObjectFieldStart("answers");
      for (Map.Entry<String, Answer> e : j.answers().entrySet()) {
        g.writeFieldName(e.getKey());
        writeAnswer(g, e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("drafts");
      for (Map.Entry<String, Map<String, List<String>>> step : j.drafts().entrySet()) {
        g.writeObjectFieldStart(step.getKey());
        for (Map.Entry<String, List<String>> field : step.getValue().entrySet()) {
          g.writeArrayFieldStart(field.getKey());
          for (String v : field.getValue()) {
            g.writeString(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("history");
      for (String h : j.history()) {
        g.writeString(h);
      }
      g.writeEndArray();
      if (j.returnTo().isPresent()) {
        g.writeStringField("returnTo", j.returnTo().get());
      }
      g.writeStringField("status", j.status().name());
      if (j.outcome().isPresent()) {
        g.writeStringField("outcome", j.outcome().get().name());
      }
      g.writeStringField("channel", j.channel().name());
      if (j.segment().isPresent()) {
        g.writeStringField("segment", j.segment().get());
      }
      g.writeStringField("assurance", j.assuranceLevel());
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, Value> e : j.attributes().entrySet()) {
        g.writeFieldName(e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("failures");
      for (Map.Entry<String, Integer> e : j.failures().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField("created", j.createdAt().toString());
      g.writeStringField("updated", j.updatedAt().toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("could not encode journey " + j.id() + " in memory", e);
    }
    return out.toByteArray();
  }

  public static Journey decode(byte[] bytes, long version) {
    try (JsonParser p = JSON.createParser(bytes)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      String id = null;
      String ref = null;
      String def = null;
      int defv = 0;
      String step = null;
      Map<String, Answer> answers = new LinkedHashMap<>();
      Map<String, Map<String, List<String>>> drafts = new LinkedHashMap<>();
      List<String> history = new ArrayList<>();
      Optional<String> returnTo = Optional.empty();
      String status = null;
      Optional<Outcome> outcome = Optional.empty();
      String channel = null;
      Optional<String> segment = Optional.empty();
      String assurance = "none";
      Map<String, Value> attrs = new LinkedHashMap<>();
      Map<String, Integer> failures = new LinkedHashMap<>();
      String created = null;
      String updated = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "id" -> id = p.getText();
          case "ref" -> ref = p.getText();
          case "def" -> def = p.getText();
          case "defv" -> defv = p.getIntValue();
          case "step" -> step = p.getText();
          case "answers" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              answers.put(key, readAnswer(p));
            }
          }
          case "drafts" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String stepId = p.currentName();
              expect(p.nextToken(), JsonToken.START_OBJECT);
              Map<String, List<String>> fields = new LinkedHashMap<>();
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                List<String> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  values.add(p.getText());
                }
                fields.put(field, values);
              }
              drafts.put(stepId, fields);
            }
          }
          case "history" -> {
            expect(t, JsonToken.START_ARRAY);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              history.add(p.getText());
            }
          }
          case "returnTo" -> returnTo = text(p, t);
          case "status" -> status = p.getText();
          case "outcome" -> outcome = text(p, t).map(Outcome::valueOf);
          case "channel" -> channel = p.getText();
          case "segment" -> segment = text(p, t);
          case "assurance" -> assurance = t == JsonToken.VALUE_NULL ? "none" : p.getText();
          case "attributes" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              attrs.put(key, readValue(p));
            }
          }
          case "failures" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              failures.put(key, p.getIntValue());
            }
          }
          case "created" -> created = p.getText();
          case "updated" -> updated = p.getText();
          default -> p.skipChildren();
        }
      }
      return new Journey(new JourneyId(required(id, "id")), new Reference(required(ref, "ref")),
          required(def, "def"), defv, required(step, "step"), answers, drafts, history, returnTo,
          JourneyStatus.valueOf(required(status, "status")), outcome,
          Channel.valueOf(required(channel, "channel")), segment, assurance, attrs, failures,
          Instant.parse(required(created, "created")), Instant.parse(required(updated, "updated")), version);
    } catch (UnreadableDataException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableDataException(SAVED_JOURNEY, "it could not be read (" + Failures.describe(e) + ")", Failures.redacted(e));
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but found " + actual);
    }
  }

  private static String required(String value, String field) throws IOException {
    if (value == null) {
      throw new UnreadableDataException(SAVED_JOURNEY, "field \"" + field + "\" is missing");
    }
    return value;
  }

  private static Optional<String> text(JsonParser p, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(p.getText());
  }

  private static void writeAnswer(JsonGenerator g, Answer a) throws IOException {
    g.writeStartObject();
    g.writeFieldName("v");
    writeValue(g, a.value());
    if (a.display().isPresent()) {
      g.writeStringField("d", a.display().get());
    }
    g.writeStringField("by", a.suppliedBy().kind().name());
    if (a.suppliedBy().id().isPresent()) {
      g.writeStringField("byId", a.suppliedBy().id().get());
    }
    if (a.prefilled()) {
      g.writeBooleanField("pre", true);
    }
    g.writeEndObject();
  }

  private static Answer readAnswer(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Value value = null;
    Optional<String> display = Optional.empty();
    String by = "CITIZEN";
    Optional<String> byId = Optional.empty();
    boolean prefilled = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "v" -> value = readValue(p);
        case "d" -> display = text(p, t);
        case "by" -> by = p.getText();
        case "byId" -> byId = text(p, t);
        case "pre" -> prefilled = t == JsonToken.VALUE_TRUE;
        default -> p.skipChildren();
      }
    }
    if (value == null) {
      throw new IOException("an answer has no value");
    }
    return new Answer(value, display, new Actor(Actor.Kind.valueOf(by), byId), prefilled);
  }

  /** A value as tagged JSON: {"t":"text","v":"..."}. */
  private static void writeValue(JsonGenerator g, Value v) throws IOException {
    g.writeStartObject();
    if (v instanceof Value.Text t) {
      g.writeStringField("t", "text");
      g.writeStringField("v", t.value());
    } else if (v instanceof Value.Decimal d) {
      g.writeStringField("t", "num");
      g.writeStringField("v", d.value().toPlainString());
    } else if (v instanceof Value.Bool b) {
      g.writeStringField("t", "bool");
      g.writeBooleanField("v", b.value());
    } else if (v instanceof Value.Date d) {
      g.writeStringField("t", "date");
      g.writeStringField("v", d.value().toString());
    } else if (v instanceof Value.Items i) {
      g.writeStringField("t", "items");
      g.writeArrayFieldStart("v");
      for (Value x : i.values()) {
        writeValue(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Value.Fields f) {
      g.writeStringField("t", "fields");
      g.writeObjectFieldStart("v");
      for (Map.Entry<String, Value> e : f.values().entrySet()) {
        g.writeFieldName(e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /**
   * Reads a value written by {@link #writeValue}, the parser on its START_OBJECT. The tag
   * {@code "t"} comes first when we write it, but a value whose tag comes after its payload is
   * read too (buffered as a tree, the rare path).
   */
  private static Value readValue(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String tag = null;
    Value value = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("t")) {
        tag = p.getText();
      } else if (name.equals("v")) {
        if (tag == null) {
          throw new IOException("a value's type \"t\" must come before the value \"v\"");
        }
        value = switch (tag) {
          case "text" -> new Value.Text(p.getText());
          case "num" -> new Value.Decimal(new BigDecimal(p.getText()));
          case "bool" -> new Value.Bool(t == JsonToken.VALUE_TRUE
              || (t == JsonToken.VALUE_STRING && Boolean.parseBoolean(p.getText())));
          case "date" -> new Value.Date(LocalDate.parse(p.getText()));
          case "items" -> {
            expect(t, JsonToken.START_ARRAY);
            List<Value> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(readValue(p));
            }
            yield new Value.Items(items);
          }
          case "fields" -> {
            expect(t, JsonToken.START_OBJECT);
            Map<String, Value> f = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              f.put(key, readValue(p));
            }
            yield new Value.Fields(f);
          }
          default -> throw new UnreadableDataException(SAVED_JOURNEY, "unknown value type \"" + tag + "\"");
        };
      } else {
        p.skipChildren();
      }
    }
    if (value == null) {
      throw new IOException("a value has no \"v\"");
    }
    return value;
  }
}
