package io.civickit.core.kpi;

import io.civickit.core.Actor;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Outcome;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Journey event histories for KPI tests: a hand-counted scenario and a random generator. */
final class Scenario {
  private Scenario() {}

  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z"); // a Monday
  static final List<String> FUNNEL = List.of("name", "in-area", "email", "check");

  /** Builds one journey's events in order. */
  static final class J {
    final EventLog log;
    final JourneyId id;
    Channel channel;
    Optional<String> segment;
    final Map<String, String> arms;
    Instant at;

    J(EventLog log, SplittableRandom random, Channel channel, Optional<String> segment, Map<String, String> arms,
        Instant start) {
      this.log = log;
      this.id = JourneyId.random(random);
      this.channel = channel;
      this.segment = segment;
      this.arms = arms;
      this.at = start;
    }

    JourneyEvent.Subject s() {
      return new JourneyEvent.Subject(id, "garden-waste", 1, channel, segment, arms);
    }

    J after(long seconds) {
      at = at.plusSeconds(seconds);
      return this;
    }

    J started() {
      log.publish(new JourneyEvent.Started(s(), at, Actor.citizen()));
      return this;
    }

    J step(String step) {
      return step(step, Actor.citizen());
    }

    J step(String step, Actor actor) {
      log.publish(new JourneyEvent.StepCompleted(s(), at, step, actor));
      return this;
    }

    J paymentFailed(String step, String code) {
      log.publish(new JourneyEvent.PaymentFailed(s(), at, step, code));
      return this;
    }

    J invalid(String step, int n) {
      log.publish(new JourneyEvent.ValidationFailed(s(), at, step, List.of(step), n));
      return this;
    }

    J saved(String step) {
      log.publish(new JourneyEvent.Saved(s(), at, step));
      return this;
    }

    J resumed(String step) {
      log.publish(new JourneyEvent.Resumed(s(), at, step));
      return this;
    }

    J handedOff(String step, HandoffReason reason) {
      log.publish(new JourneyEvent.HandedOff(s(), at, step, reason, "callback"));
      return this;
    }

    J accepted(String step, Actor agent) {
      log.publish(new JourneyEvent.HandoffAccepted(s(), at, step, agent));
      return this;
    }

    J handedBack(String step, Actor agent) {
      log.publish(new JourneyEvent.HandedBack(s(), at, step, agent));
      return this;
    }

    J completed(Outcome outcome, Actor actor) {
      log.publish(new JourneyEvent.Completed(s(), at, outcome, actor));
      return this;
    }

    J expired(String step) {
      log.publish(new JourneyEvent.Expired(s(), at, step));
      return this;
    }

    J abandoned(String step) {
      log.publish(new JourneyEvent.Abandoned(s(), at, step));
      return this;
    }
  }

  /** The hand-counted scenario of {@link KpiTest}. */
  static EventLog handCounted() {
    EventLog log = new EventLog();
    SplittableRandom r = new SplittableRandom(42);
    Optional<String> everyone = Optional.of("everyone");
    Map<String, String> a = Map.of("chat", "a");
    Map<String, String> b = Map.of("chat", "b");
    Actor adviser = Actor.adviser("jsmith");
    // J1: straight through, 300 seconds
    new J(log, r, Channel.ONLINE, everyone, a, T0).started().after(60).step("name").after(60).step("in-area")
        .after(60).step("email").after(60).step("check").after(60).completed(Outcome.SUCCESS, Actor.citizen());
    // J2: not eligible, 120 seconds: completed
    new J(log, r, Channel.ONLINE, everyone, b, T0).started().after(60).step("name").after(30).step("in-area")
        .after(30).completed(Outcome.INELIGIBLE, Actor.citizen());
    // J3: saves and comes back: one transaction, 3600 seconds
    new J(log, r, Channel.ONLINE, everyone, a, T0).started().after(60).step("name").saved("in-area").after(3000)
        .resumed("in-area").after(180).step("in-area").after(120).step("email").after(120).step("check")
        .after(120).completed(Outcome.SUCCESS, Actor.citizen());
    // J4: saves and never comes back: expired, failed
    new J(log, r, Channel.ONLINE, everyone, b, T0).started().after(60).step("name").saved("in-area")
        .after(86_400 * 28).expired("in-area");
    // J5: stuck, handed off, an adviser completes a page (assisted digital), hands back, completes online: 1800 s
    J j5 = new J(log, r, Channel.ONLINE, Optional.of("over-75"), a, T0).started().after(60).step("name")
        .after(60).invalid("in-area", 1).after(60).invalid("in-area", 2).after(60).invalid("in-area", 3)
        .handedOff("in-area", HandoffReason.REPEATED_VALIDATION_FAILURES).after(600).accepted("in-area", adviser);
    j5.channel = Channel.ASSISTED_DIGITAL;
    j5.after(300).step("in-area", adviser).after(60).handedBack("email", adviser).after(300).resumed("email")
        .after(180).step("email").after(60).step("check").after(60).completed(Outcome.SUCCESS, Actor.citizen());
    // J6: gives up at the start
    new J(log, r, Channel.ONLINE, everyone, Map.of(), T0).started().after(30).abandoned("name");
    // J7: still going
    new J(log, r, Channel.ONLINE, everyone, Map.of(), T0).started().after(30).step("name");
    // J8: a paper form recorded through the API
    Kpis.recordOffline(log, "garden-waste", Channel.TELEPHONE, Outcome.SUCCESS, Actor.system("back-office"),
        T0.plusSeconds(5), Optional.empty());
    // J9: asks for help, an adviser completes it on the phone (referred), 600 seconds
    J j9 = new J(log, r, Channel.ONLINE, everyone, Map.of(), T0).started().after(60)
        .handedOff("name", HandoffReason.ASKED_FOR_HELP).after(240).accepted("name", adviser);
    j9.channel = Channel.TELEPHONE;
    j9.after(300).completed(Outcome.REFERRED, adviser);
    return log;
  }

  static final List<String> STEPS = List.of("name", "in-area", "email", "check", "detour");

  /**
   * Random but well-formed histories: each journey starts once, completes at most once, may
   * save and resume, be handed off, expire or be abandoned, and ends with at most one of
   * completed, expired or abandoned.
   */
  static EventLog random(long seed, int journeys) {
    SplittableRandom r = new SplittableRandom(seed);
    EventLog log = new EventLog();
    List<Optional<String>> segments = List.of(Optional.empty(), Optional.of("everyone"), Optional.of("over-75"),
        Optional.of("landlord"));
    Channel[] starts = {Channel.ONLINE, Channel.ONLINE, Channel.ONLINE, Channel.ASSISTED_DIGITAL, Channel.TELEPHONE};
    Outcome[] outcomes = Outcome.values();
    HandoffReason[] reasons = HandoffReason.values();
    for (int n = 0; n < journeys; n++) {
      Map<String, String> arms = r.nextInt(3) == 0 ? Map.of()
          : r.nextBoolean() ? Map.of("chat", r.nextBoolean() ? "a" : "b")
          : Map.of("chat", r.nextBoolean() ? "a" : "b", "wording", r.nextInt(3) == 0 ? "new" : "old");
      Instant start = T0.plusSeconds(r.nextLong(60L * 86_400 * 3)); // about three months
      J j = new J(log, r, starts[r.nextInt(starts.length)], segments.get(r.nextInt(segments.size())), arms, start);
      if (r.nextInt(4) == 0) {
        j.segment = Optional.empty(); // segment known only later
      }
      j.started();
      int steps = r.nextInt(STEPS.size() + 1);
      for (int i = 0; i < steps; i++) {
        j.after(1 + r.nextInt(600));
        if (r.nextInt(5) == 0) {
          j.segment = segments.get(r.nextInt(segments.size()));
        }
        if (r.nextInt(6) == 0) {
          j.invalid(STEPS.get(i), 1 + r.nextInt(3));
        }
        if (i == STEPS.size() - 2 && r.nextInt(4) == 0) {
          j.paymentFailed(STEPS.get(i), r.nextBoolean() ? "P0010" : "P0030");
        }
        if (r.nextInt(8) == 0) {
          j.handedOff(STEPS.get(i), reasons[r.nextInt(reasons.length)]);
          if (r.nextBoolean()) {
            j.channel = Channel.ASSISTED_DIGITAL;
          }
        }
        if (r.nextInt(10) == 0) {
          j.saved(STEPS.get(i)).after(r.nextInt(100_000)).resumed(STEPS.get(i));
        }
        j.step(STEPS.get(i), r.nextInt(7) == 0 ? Actor.adviser("a" + r.nextInt(3)) : Actor.citizen());
      }
      j.after(1 + r.nextInt(3_600));
      switch (r.nextInt(5)) {
        case 0:
        case 1:
          if (r.nextInt(6) == 0) {
            j.channel = Channel.TELEPHONE;
          }
          j.completed(outcomes[r.nextInt(outcomes.length)], Actor.citizen());
          break;
        case 2:
          j.expired("x");
          break;
        case 3:
          j.abandoned("x");
          break;
        default:
          break;
      }
    }
    return log;
  }
}
