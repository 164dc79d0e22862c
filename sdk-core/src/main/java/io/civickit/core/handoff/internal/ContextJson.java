package io.civickit.core.handoff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Channel;
import io.civickit.core.Failures;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.UnreadableDataException;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The JSON form of a handoff context package. */
public final class ContextJson {
  private static final String HANDOFF_CONTEXT = "a handoff context";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContextJson() {}

  /** The request as an object node. */
  public static ObjectNode tree(HandoffRequest r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("handoffId", r.handoffId().value());
    n.put("journeyId", r.journeyId().value());
    n.put("reference", r.reference().value());
    n.put("definitionId", r.definitionId());
    n.put("stuckStep", r.stuckStep());
    n.put("reason", r.reason().name());
    n.put("detail", r.detail());
    ObjectNode answers = n.putObject("answers");
    r.answers().forEach(answers::put);
    r.redacted().forEach(n.putArray("redacted")::add);
    n.put("answersOmitted", r.answersOmitted());
    r.segment().ifPresent(s -> n.put("segment", s));
    n.put("journeyChannel", r.journeyChannel().name());
    r.contact().ifPresent(c -> {
      ObjectNode cn = n.putObject("contact");
      cn.put("method", c.method().name());
      c.detail().ifPresent(d -> cn.put("detail", d));
    });
    r.resumeLink().ifPresent(l -> n.put("resumeLink", l.toString()));
    n.put("requestedAt", r.requestedAt().toString());
    return n;
  }

  /** The request as compact JSON. */
  public static String write(HandoffRequest r) {
    return tree(r).toString();
  }

  /** Reads a request from JSON. */
  public static HandoffRequest read(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (Exception e) {
      throw new UnreadableDataException(HANDOFF_CONTEXT, "it is not JSON (" + Failures.describe(e) + ")", Failures.redacted(e));
    }
    return read(n);
  }

  /** Reads a request from a JSON tree. */
  public static HandoffRequest read(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new UnreadableDataException(HANDOFF_CONTEXT, "it is not a JSON object");
    }
    try {
      Map<String, String> answers = new LinkedHashMap<>();
      n.path("answers").fields().forEachRemaining(f -> answers.put(f.getKey(), f.getValue().asText()));
      Set<String> redacted = new LinkedHashSet<>();
      n.path("redacted").forEach(v -> redacted.add(v.asText()));
      Optional<ContactPreference> contact = Optional.empty();
      if (n.hasNonNull("contact")) {
        JsonNode c = n.get("contact");
        contact = Optional.of(new ContactPreference(ContactPreference.Method.valueOf(text(c, "method")),
            c.hasNonNull("detail") ? Optional.of(c.get("detail").asText()) : Optional.empty()));
      }
      return new HandoffRequest(new HandoffId(text(n, "handoffId")), new JourneyId(text(n, "journeyId")),
          new Reference(text(n, "reference")), text(n, "definitionId"), text(n, "stuckStep"),
          HandoffReason.valueOf(text(n, "reason")), n.path("detail").asText(""), answers, redacted,
          n.path("answersOmitted").asInt(0),
          n.hasNonNull("segment") ? Optional.of(n.get("segment").asText()) : Optional.empty(),
          Channel.valueOf(text(n, "journeyChannel")), contact,
          n.hasNonNull("resumeLink") ? Optional.of(URI.create(n.get("resumeLink").asText())) : Optional.empty(),
          Instant.parse(text(n, "requestedAt")));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new UnreadableDataException(HANDOFF_CONTEXT, "a field has a value of the wrong form (" + Failures.describe(e) + ")",
          Failures.redacted(e));
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) {
      throw new UnreadableDataException(HANDOFF_CONTEXT, "it needs \"" + field + "\"");
    }
    return v.asText();
  }
}
