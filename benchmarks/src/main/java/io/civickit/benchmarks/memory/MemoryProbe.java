package io.civickit.benchmarks.memory;

import io.civickit.benchmarks.journey.HousingJourney;
import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.progress.ProgressStore;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * 6. Bytes per in-flight journey in the in-memory store. Run in a JVM of its own with the serial
 * collector ({@code Main} starts it): the heap in use after a full collection is read before and
 * after 100,000 journeys are started and taken through two pages (eight answers each, every
 * value distinct), and the difference divided by the number of journeys. Everything the store
 * holds counts: the journeys, their answers, the cache's entries and the reference index.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  /** Prints {@code RESULT journeys=N bytesPerJourney=B answers=A}. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    ProgressStore store = ProgressStore.inMemory();
    Journeys journeys = HousingJourney.engine(store);
    // Warm up the engine and its classes on a throwaway store first, so their own memory is not counted.
    Journeys warm = HousingJourney.engine(ProgressStore.inMemory());
    for (int i = 0; i < 2_000; i++) {
      inFlight(warm, i);
    }
    warm = null;
    long before = usedAfterGc();
    int answers = 0;
    for (int i = 0; i < count; i++) {
      answers = inFlight(journeys, i).answers().size();
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(store);
    Reference.reachabilityFence(journeys);
    System.out.println("RESULT journeys=" + count + " bytesPerJourney=" + (after - before) / count + " answers=" + answers
        + " gc=" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
  }

  private static Journey inFlight(Journeys journeys, int n) {
    Journey j = journeys.start("housing-application");
    SubmitResult a = journeys.submit(j.id(), "applicant", HousingJourney.applicant(n), Actor.citizen(), Locale.UK);
    SubmitResult b = journeys.submit(j.id(), HousingJourney.HOUSEHOLD, HousingJourney.household(n), Actor.citizen(),
        Locale.UK);
    if (!(a instanceof SubmitResult.Moved) || !(b instanceof SubmitResult.Moved)) {
      throw new IllegalStateException("a page was not accepted: " + a + ", " + b);
    }
    return b.journey();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
