package io.civickit.submit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Actor;
import io.civickit.core.CivicKitException;
import io.civickit.core.Failures;
import io.civickit.core.UnreadableDataException;
import io.civickit.core.Value;
import io.civickit.forms.LocalisedText;
import io.civickit.submit.Attachment;
import io.civickit.submit.SubmittedPayment;
import io.civickit.submit.Submission;
import io.civickit.submit.SubmittedAnswer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes and reads the submission document's JSON with Jackson's tree model. */
public final class DocumentJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DocumentJson() {}

  public static byte[] write(Submission s) {
    try {
      return JSON.writeValueAsBytes(tree(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a submission could not be written as JSON", e);
    }
  }

  static ObjectNode tree(Submission s) {
    ObjectNode o = F.objectNode();
    o.put("format_version", s.formatVersion());
    o.put("id", s.id());
    o.put("reference", s.reference());
    ObjectNode form = o.putObject("form");
    form.put("id", s.formId());
    form.put("version", s.formVersion());
    form.set("title", text(s.formTitle()));
    o.put("submitted_at", s.submittedAt().toString());
    o.put("language", s.language().getLanguage());
    o.put("assurance_level", s.assuranceLevel());
    ArrayNode answers = o.putArray("answers");
    for (SubmittedAnswer a : s.answers()) {
      ObjectNode n = answers.addObject();
      n.put("question_id", a.questionId());
      n.put("type", a.type());
      n.set("label", text(a.label()));
      n.set("value", a.value().<JsonNode>map(DocumentJson::value).orElse(F.nullNode()));
      ObjectNode formatted = n.putObject("formatted");
      formatted.put("en", a.formattedEn());
      formatted.put("cy", a.formattedCy());
      ObjectNode by = n.putObject("supplied_by");
      by.put("kind", a.suppliedBy().kind().name().toLowerCase(Locale.ROOT));
      a.suppliedBy().id().ifPresent(id -> by.put("id", id));
      n.put("prefilled", a.prefilled());
    }
    if (s.payment().isPresent()) {
      SubmittedPayment p = s.payment().get();
      ObjectNode n = o.putObject("payment");
      n.put("amount_pence", p.amountPence());
      n.put("provider_id", p.providerId());
      n.put("status", p.status());
      n.put("reference", p.reference());
    }
    ArrayNode files = o.putArray("attachments");
    for (Attachment a : s.attachments()) {
      ObjectNode n = files.addObject();
      n.put("id", a.id());
      n.put("name", a.name());
      n.put("size", a.size());
      n.put("content_type", a.contentType());
    }
    return o;
  }

  private static ObjectNode text(LocalisedText t) {
    ObjectNode n = F.objectNode();
    n.put("en", t.en());
    n.put("cy", t.cy());
    return n;
  }

  static ObjectNode value(Value v) {
    ObjectNode n = F.objectNode();
    if (v instanceof Value.Text t) {
      n.put("type", "text");
      n.put("value", t.value());
    } else if (v instanceof Value.Decimal d) {
      n.put("type", "number");
      n.put("value", d.value().toString());
    } else if (v instanceof Value.Bool b) {
      n.put("type", "yes-no");
      n.put("value", b.value());
    } else if (v instanceof Value.Date d) {
      n.put("type", "date");
      n.put("value", d.value().toString());
    } else if (v instanceof Value.Items items) {
      n.put("type", "list");
      ArrayNode a = n.putArray("items");
      items.values().forEach(i -> a.add(value(i)));
    } else {
      n.put("type", "group");
      ObjectNode fields = n.putObject("fields");
      ((Value.Fields) v).values().forEach((k, f) -> fields.set(k, value(f)));
    }
    return n;
  }

  public static Submission read(byte[] json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      // Not the parser's message: it quotes the text around the fault, which may be an answer.
      throw new UnreadableDataException("a submission document", "is not JSON that parses", Failures.redacted(e));
    }
    if (o == null || !o.isObject()) {
      throw new UnreadableDataException("a submission document", "is not a JSON object");
    }
    try {
      JsonNode form = required(o, "form");
      List<SubmittedAnswer> answers = new ArrayList<>();
      for (JsonNode n : required(o, "answers")) {
        JsonNode by = required(n, "supplied_by");
        Actor.Kind kind = Actor.Kind.valueOf(string(by, "kind").toUpperCase(Locale.ROOT));
        Actor actor = new Actor(kind, by.hasNonNull("id") ? Optional.of(by.get("id").asText()) : Optional.empty());
        JsonNode value = n.get("value");
        JsonNode formatted = required(n, "formatted");
        answers.add(new SubmittedAnswer(string(n, "question_id"), string(n, "type"), text(required(n, "label")),
            value == null || value.isNull() ? Optional.empty() : Optional.of(value(value)),
            string(formatted, "en"), string(formatted, "cy"), actor, required(n, "prefilled").asBoolean()));
      }
      Optional<SubmittedPayment> payment = Optional.empty();
      if (o.hasNonNull("payment")) {
        JsonNode p = o.get("payment");
        payment = Optional.of(new SubmittedPayment(required(p, "amount_pence").asLong(), string(p, "provider_id"),
            string(p, "status"), string(p, "reference")));
      }
      List<Attachment> attachments = new ArrayList<>();
      for (JsonNode a : required(o, "attachments")) {
        attachments.add(new Attachment(string(a, "id"), string(a, "name"), required(a, "size").asLong(),
            string(a, "content_type")));
      }
      return new Submission(required(o, "format_version").asInt(), string(o, "id"), string(o, "reference"),
          string(form, "id"), required(form, "version").asInt(), text(required(form, "title")),
          Instant.parse(string(o, "submitted_at")), Locale.forLanguageTag(string(o, "language")),
          string(o, "assurance_level"), answers, payment, attachments);
    } catch (RuntimeException e) {
      if (e instanceof CivicKitException c) {
        throw c;
      }
      // Not the parser's message: it quotes the value, which may be an answer.
      throw new UnreadableDataException("a submission document", "has a field of the wrong form ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static LocalisedText text(JsonNode n) {
    return new LocalisedText(string(n, "en"), string(n, "cy"));
  }

  private static Value value(JsonNode n) {
    String type = string(n, "type");
    switch (type) {
      case "text":
        return Value.text(string(n, "value"));
      case "number":
        return Value.number(new BigDecimal(string(n, "value")));
      case "yes-no":
        return Value.bool(required(n, "value").asBoolean());
      case "date":
        return Value.date(LocalDate.parse(string(n, "value")));
      case "list":
        List<Value> items = new ArrayList<>();
        required(n, "items").forEach(i -> items.add(value(i)));
        return Value.items(items);
      case "group":
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : required(n, "fields").properties()) {
          fields.put(e.getKey(), value(e.getValue()));
        }
        return Value.fields(fields);
      default:
        throw new UnreadableDataException("a submission document", "has an unknown value type");
    }
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new UnreadableDataException("a submission document", "'" + field + "' is missing");
    }
    return v;
  }

  private static String string(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isTextual()) {
      throw new UnreadableDataException("a submission document", "'" + field + "' is not a string");
    }
    return v.asText();
  }
}
