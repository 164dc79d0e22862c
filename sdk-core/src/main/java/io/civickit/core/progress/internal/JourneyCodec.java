package io.civickit.core.progress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journeys to and from JSON bytes, keeping every value's type. The format is versioned by {@code "f"}. */
public final class JourneyCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JourneyCodec() {}

  public static byte[] encode(Journey j) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("f", 1);
    n.put("id", j.id().value());
    n.put("ref", j.reference().value());
    n.put("def", j.definitionId());
    n.put("defv", j.definitionVersion());
    n.put("step", j.currentStep());
    ObjectNode answers = n.putObject("answers");
    j.answers().forEach((k, a) -> answers.set(k, answer(a)));
    ObjectNode drafts = n.putObject("drafts");
    j.drafts().forEach((step, fields) -> {
      ObjectNode f = drafts.putObject(step);
      fields.forEach((name, values) -> {
        ArrayNode arr = f.putArray(name);
        values.forEach(arr::add);
      });
    });
    ArrayNode history = n.putArray("history");
    j.history().forEach(history::add);
    j.returnTo().ifPresent(r -> n.put("returnTo", r));
    n.put("status", j.status().name());
    j.outcome().ifPresent(o -> n.put("outcome", o.name()));
    n.put("channel", j.channel().name());
    j.segment().ifPresent(s -> n.put("segment", s));
    n.put("assurance", j.assuranceLevel());
    ObjectNode attrs = n.putObject("attributes");
    j.attributes().forEach((k, v) -> attrs.set(k, value(v)));
    ObjectNode failures = n.putObject("failures");
    j.failures().forEach(failures::put);
    n.put("created", j.createdAt().toString());
    n.put("updated", j.updatedAt().toString());
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new CivicKitException("could not encode journey " + j.id(), e);
    }
  }

  public static Journey decode(byte[] bytes, long version) {
    try {
      JsonNode n = MAPPER.readTree(bytes);
      Map<String, Answer> answers = new LinkedHashMap<>();
      fields(n.path("answers")).forEach(e -> answers.put(e.getKey(), answer(e.getValue())));
      Map<String, Map<String, List<String>>> drafts = new LinkedHashMap<>();
      fields(n.path("drafts")).forEach(e -> {
        Map<String, List<String>> f = new LinkedHashMap<>();
        fields(e.getValue()).forEach(x -> {
          List<String> values = new ArrayList<>();
          x.getValue().forEach(v -> values.add(v.asText()));
          f.put(x.getKey(), values);
        });
        drafts.put(e.getKey(), f);
      });
      List<String> history = new ArrayList<>();
      n.path("history").forEach(h -> history.add(h.asText()));
      Map<String, Value> attrs = new LinkedHashMap<>();
      fields(n.path("attributes")).forEach(e -> attrs.put(e.getKey(), value(e.getValue())));
      Map<String, Integer> failures = new LinkedHashMap<>();
      fields(n.path("failures")).forEach(e -> failures.put(e.getKey(), e.getValue().asInt()));
      return new Journey(new JourneyId(n.get("id").asText()), new Reference(n.get("ref").asText()),
          n.get("def").asText(), n.get("defv").asInt(), n.get("step").asText(), answers, drafts, history,
          optional(n, "returnTo"), JourneyStatus.valueOf(n.get("status").asText()),
          optional(n, "outcome").map(Outcome::valueOf), Channel.valueOf(n.get("channel").asText()),
          optional(n, "segment"), n.path("assurance").asText("none"), attrs, failures,
          Instant.parse(n.get("created").asText()), Instant.parse(n.get("updated").asText()), version);
    } catch (IOException | RuntimeException e) {
      throw new CivicKitException("saved journey could not be read: " + e.getMessage(), e);
    }
  }

  private static Optional<String> optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    it.forEachRemaining(out::add);
    return out;
  }

  private static ObjectNode answer(Answer a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("v", value(a.value()));
    a.display().ifPresent(d -> n.put("d", d));
    n.put("by", a.suppliedBy().kind().name());
    a.suppliedBy().id().ifPresent(id -> n.put("byId", id));
    if (a.prefilled()) {
      n.put("pre", true);
    }
    return n;
  }

  private static Answer answer(JsonNode n) {
    Actor actor = new Actor(Actor.Kind.valueOf(n.path("by").asText("CITIZEN")),
        n.hasNonNull("byId") ? Optional.of(n.get("byId").asText()) : Optional.empty());
    return new Answer(value(n.get("v")), optional(n, "d"), actor, n.path("pre").asBoolean(false));
  }

  /** A value as tagged JSON: {"t":"text","v":"..."}. */
  public static JsonNode value(Value v) {
    ObjectNode n = MAPPER.createObjectNode();
    if (v instanceof Value.Text t) {
      n.put("t", "text").put("v", t.value());
    } else if (v instanceof Value.Decimal d) {
      n.put("t", "num").put("v", d.value().toPlainString());
    } else if (v instanceof Value.Bool b) {
      n.put("t", "bool").put("v", b.value());
    } else if (v instanceof Value.Date d) {
      n.put("t", "date").put("v", d.value().toString());
    } else if (v instanceof Value.Items i) {
      n.put("t", "items");
      ArrayNode arr = n.putArray("v");
      i.values().forEach(x -> arr.add(value(x)));
    } else if (v instanceof Value.Fields f) {
      n.put("t", "fields");
      ObjectNode o = n.putObject("v");
      f.values().forEach((k, x) -> o.set(k, value(x)));
    }
    return n;
  }

  /** Reads a value written by {@link #value(Value)}. */
  public static Value value(JsonNode n) {
    String t = n.path("t").asText();
    JsonNode v = n.get("v");
    switch (t) {
      case "text":
        return new Value.Text(v.asText());
      case "num":
        return new Value.Decimal(new BigDecimal(v.asText()));
      case "bool":
        return new Value.Bool(v.asBoolean());
      case "date":
        return new Value.Date(LocalDate.parse(v.asText()));
      case "items": {
        List<Value> items = new ArrayList<>();
        v.forEach(x -> items.add(value(x)));
        return new Value.Items(items);
      }
      case "fields": {
        Map<String, Value> f = new LinkedHashMap<>();
        fields(v).forEach(e -> f.put(e.getKey(), value(e.getValue())));
        return new Value.Fields(f);
      }
      default:
        throw new CivicKitException("unknown value type \"" + t + "\"");
    }
  }
}
