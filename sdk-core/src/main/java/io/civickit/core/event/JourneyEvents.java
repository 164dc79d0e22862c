package io.civickit.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.Failures;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.UnreadableDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads journey events as one-line JSON objects (the JSON Lines format the
 * {@code civickit kpi} command reads, and the payload of the JDBC event table).
 *
 * <pre>{"type":"completed","journeyId":"...","definitionId":"garden-waste","definitionVersion":3,
 *  "channel":"ONLINE","segment":"over-75","arms":{},"at":"2026-11-28T10:15:30Z","outcome":"SUCCESS",
 *  "actor":"CITIZEN"}</pre>
 */
public final class JourneyEvents {
  private static final String JOURNEY_EVENT = "a journey event";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JourneyEvents() {}

  static String typeName(JourneyEvent e) {
    if (e instanceof JourneyEvent.Started) {
      return "started";
    } else if (e instanceof JourneyEvent.StepCompleted) {
      return "step_completed";
    } else if (e instanceof JourneyEvent.ValidationFailed) {
      return "validation_failed";
    } else if (e instanceof JourneyEvent.Saved) {
      return "saved";
    } else if (e instanceof JourneyEvent.Resumed) {
      return "resumed";
    } else if (e instanceof JourneyEvent.HandedOff) {
      return "handed_off";
    } else if (e instanceof JourneyEvent.HandedBack) {
      return "handed_back";
    } else if (e instanceof JourneyEvent.HandoffAccepted) {
      return "handoff_accepted";
    } else if (e instanceof JourneyEvent.HandoffResolved) {
      return "handoff_resolved";
    } else if (e instanceof JourneyEvent.Completed) {
      return "completed";
    } else if (e instanceof JourneyEvent.Abandoned) {
      return "abandoned";
    } else if (e instanceof JourneyEvent.PaymentFailed) {
      return "payment_failed";
    }
    return "expired";
  }

  /** The step an event happened on, where it has one. */
  public static Optional<String> stepId(JourneyEvent e) {
    if (e instanceof JourneyEvent.StepCompleted x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.ValidationFailed x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.Saved x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.Resumed x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.HandedOff x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.HandedBack x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.HandoffAccepted x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.HandoffResolved x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.Abandoned x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.Expired x) {
      return Optional.of(x.stepId());
    } else if (e instanceof JourneyEvent.PaymentFailed x) {
      return Optional.of(x.stepId());
    }
    return Optional.empty();
  }

  /** The event as one line of JSON. */
  public static String toJson(JourneyEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", e.type());
    JourneyEvent.Subject s = e.subject();
    n.put("journeyId", s.journeyId().value());
    n.put("definitionId", s.definitionId());
    n.put("definitionVersion", s.definitionVersion());
    n.put("channel", s.channel().name());
    s.segment().ifPresent(v -> n.put("segment", v));
    ObjectNode arms = n.putObject("arms");
    s.arms().forEach(arms::put);
    n.put("at", e.at().toString());
    stepId(e).ifPresent(v -> n.put("stepId", v));
    if (e instanceof JourneyEvent.Started x) {
      putActor(n, "actor", x.actor());
    } else if (e instanceof JourneyEvent.StepCompleted x) {
      putActor(n, "actor", x.actor());
    } else if (e instanceof JourneyEvent.ValidationFailed x) {
      x.fields().forEach(n.putArray("fields")::add);
      n.put("failuresOnStep", x.failuresOnStep());
    } else if (e instanceof JourneyEvent.HandedOff x) {
      n.put("reason", x.reason().name());
      n.put("handoffChannel", x.handoffChannel());
    } else if (e instanceof JourneyEvent.HandedBack x) {
      putActor(n, "agent", x.agent());
    } else if (e instanceof JourneyEvent.HandoffAccepted x) {
      putActor(n, "agent", x.agent());
    } else if (e instanceof JourneyEvent.HandoffResolved x) {
      putActor(n, "agent", x.agent());
    } else if (e instanceof JourneyEvent.Completed x) {
      n.put("outcome", x.outcome().name());
      putActor(n, "actor", x.actor());
    } else if (e instanceof JourneyEvent.PaymentFailed x) {
      n.put("code", x.code());
    }
    return n.toString();
  }

  private static void putActor(ObjectNode n, String field, Actor a) {
    n.put(field, a.kind().name());
    a.id().ifPresent(id -> n.put(field + "Id", id));
  }

  /**
   * Reads one line of JSON written by {@link #toJson}.
   *
   * @throws UnreadableDataException naming the problem (never a value) when the line is not a journey event
   */
  public static JourneyEvent fromJson(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (Exception ex) {
      throw new UnreadableDataException(JOURNEY_EVENT, "it is not JSON (" + Failures.describe(ex) + ")", Failures.redacted(ex));
    }
    try {
      if (n == null || !n.isObject()) {
        throw new UnreadableDataException(JOURNEY_EVENT, "it is not a JSON object");
      }
      Map<String, String> arms = new LinkedHashMap<>();
      if (n.has("arms")) {
        n.get("arms").fields().forEachRemaining(f -> arms.put(f.getKey(), f.getValue().asText()));
      }
      JourneyEvent.Subject s = new JourneyEvent.Subject(new JourneyId(text(n, "journeyId")), text(n, "definitionId"),
          n.path("definitionVersion").asInt(1), Channel.valueOf(text(n, "channel")),
          n.hasNonNull("segment") ? Optional.of(n.get("segment").asText()) : Optional.empty(), arms);
      Instant at = Instant.parse(text(n, "at"));
      String type = text(n, "type");
      switch (type) {
        case "started":
          return new JourneyEvent.Started(s, at, actor(n, "actor"));
        case "step_completed":
          return new JourneyEvent.StepCompleted(s, at, text(n, "stepId"), actor(n, "actor"));
        case "validation_failed": {
          List<String> fields = new ArrayList<>();
          n.path("fields").forEach(f -> fields.add(f.asText()));
          return new JourneyEvent.ValidationFailed(s, at, text(n, "stepId"), fields, n.path("failuresOnStep").asInt(1));
        }
        case "saved":
          return new JourneyEvent.Saved(s, at, text(n, "stepId"));
        case "resumed":
          return new JourneyEvent.Resumed(s, at, text(n, "stepId"));
        case "handed_off":
          return new JourneyEvent.HandedOff(s, at, text(n, "stepId"), HandoffReason.valueOf(text(n, "reason")),
              n.path("handoffChannel").asText(""));
        case "handed_back":
          return new JourneyEvent.HandedBack(s, at, text(n, "stepId"), actor(n, "agent"));
        case "handoff_accepted":
          return new JourneyEvent.HandoffAccepted(s, at, text(n, "stepId"), actor(n, "agent"));
        case "handoff_resolved":
          return new JourneyEvent.HandoffResolved(s, at, text(n, "stepId"), actor(n, "agent"));
        case "completed":
          return new JourneyEvent.Completed(s, at, Outcome.valueOf(text(n, "outcome")), actor(n, "actor"));
        case "abandoned":
          return new JourneyEvent.Abandoned(s, at, text(n, "stepId"));
        case "expired":
          return new JourneyEvent.Expired(s, at, text(n, "stepId"));
        case "payment_failed":
          return new JourneyEvent.PaymentFailed(s, at, text(n, "stepId"), text(n, "code"));
        default:
          throw new UnreadableDataException(JOURNEY_EVENT, "unknown type \"" + type + "\"");
      }
    } catch (IllegalArgumentException | java.time.DateTimeException ex) {
      throw new UnreadableDataException(JOURNEY_EVENT, "a field has a value of the wrong form (" + Failures.describe(ex) + ")",
          Failures.redacted(ex));
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) {
      throw new UnreadableDataException(JOURNEY_EVENT, "it needs \"" + field + "\"");
    }
    return v.asText();
  }

  private static Actor actor(JsonNode n, String field) {
    Actor.Kind kind = n.hasNonNull(field) ? Actor.Kind.valueOf(n.get(field).asText()) : Actor.Kind.CITIZEN;
    Optional<String> id = n.hasNonNull(field + "Id") ? Optional.of(n.get(field + "Id").asText()) : Optional.empty();
    return new Actor(kind, id);
  }
}
