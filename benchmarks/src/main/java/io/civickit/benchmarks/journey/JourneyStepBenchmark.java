package io.civickit.benchmarks.journey;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.progress.ProgressStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4. One journey step in memory: {@code Journeys.submit} of a five-question page (load from the
 * in-memory store, validate, route by condition, save with a version check). Each thread drives
 * its own journey; the score is steps per second over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JourneyStepBenchmark {

  /** One engine and store shared by all threads, as in an application. */
  @State(Scope.Benchmark)
  public static class Engine {
    Journeys journeys;
    final AtomicInteger people = new AtomicInteger();

    /** Builds the engine. */
    @Setup(Level.Trial)
    public void setUp() {
      journeys = HousingJourney.engine(ProgressStore.inMemory());
    }
  }

  /** Each thread's own journey, past its first page. */
  @State(Scope.Thread)
  public static class Person {
    Journey journey;
    Map<String, List<String>> household;

    /** Starts the journey and answers the first page. */
    @Setup(Level.Trial)
    public void setUp(Engine engine) {
      int n = engine.people.incrementAndGet();
      journey = engine.journeys.start("housing-application");
      SubmitResult r = engine.journeys.submit(journey.id(), "applicant", HousingJourney.applicant(n), Actor.citizen(),
          Locale.UK);
      if (!(r instanceof SubmitResult.Moved)) {
        throw new IllegalStateException("the applicant page was not accepted: " + r);
      }
      household = HousingJourney.household(n);
    }
  }

  private static SubmitResult step(Engine engine, Person person) {
    SubmitResult r = engine.journeys.submit(person.journey.id(), HousingJourney.HOUSEHOLD, person.household,
        Actor.citizen(), Locale.UK);
    if (!(r instanceof SubmitResult.Moved)) {
      throw new IllegalStateException("the household page was not accepted: " + r);
    }
    return r;
  }

  /** Steps per second on one thread. */
  @Benchmark
  @Threads(1)
  public SubmitResult oneThread(Engine engine, Person person) {
    return step(engine, person);
  }

  /** Steps per second on two threads (summed). */
  @Benchmark
  @Threads(2)
  public SubmitResult twoThreads(Engine engine, Person person) {
    return step(engine, person);
  }
}
