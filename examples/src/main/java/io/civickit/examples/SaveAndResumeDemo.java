package io.civickit.examples;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.core.progress.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Takes one journey through start, save, a restart of the process, resume and completion, on
 * the embedded H2 database in {@code ./data}. The second half runs in a new JVM, so nothing
 * survives but what was saved.
 */
public final class SaveAndResumeDemo {
  private SaveAndResumeDemo() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("civickit.data", "data")).toAbsolutePath();
    Files.createDirectories(dir);
    if (args.length == 2 && args[0].equals("--resume")) {
      resume(dir, args[1]);
      return;
    }
    Journeys journeys = engine(dir);
    Journey j = journeys.start("bulky-waste");
    say("Started journey %s (reference %s)", j.id(), j.reference());
    j = journeys.submit(j.id(), "items", Map.of("items", List.of("A sofa")), Actor.citizen(), Locale.UK).journey();
    say("Answered \"items\"; now on step \"%s\"", j.currentStep());
    SubmitResult bad = journeys.submit(j.id(), "postcode", Map.of("postcode", List.of("not a postcode")),
        Actor.citizen(), Locale.UK);
    say("Submitted a bad postcode: %s", ((SubmitResult.Invalid) bad).errors().get(0).message());
    ResumeTokens.IssuedToken token = journeys.saveForLater(j.id());
    say("Saved for later; magic link %s (expires %s)",
        token.link(java.net.URI.create("http://localhost:7000/resume")), token.expiresAt());
    say("Restarting: a new JVM resumes from the database...");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath(), "-Dcivickit.data=" + dir,
        SaveAndResumeDemo.class.getName(), "--resume", token.token())
        .inheritIO().start();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("the resumed process failed with exit status " + exit);
    }
  }

  private static void resume(Path dir, String token) {
    Journeys journeys = engine(dir);
    Journeys.ResumeResult r = journeys.resume(token);
    if (!(r instanceof Journeys.ResumeResult.Resumed resumed)) {
      throw new IllegalStateException("could not resume: " + r);
    }
    Journey j = resumed.journey();
    say("[new process] Resumed %s on step \"%s\"; kept what was typed: %s", j.reference(), j.currentStep(),
        j.drafts().getOrDefault("postcode", Map.of()).get("postcode"));
    journeys.submit(j.id(), "postcode", Map.of("postcode", List.of("sw1a1aa")), Actor.citizen(), Locale.UK);
    SubmitResult done = journeys.submit(j.id(), "check", Map.of(), Actor.citizen(), Locale.UK);
    say("[new process] %s: outcome %s, answers %s", done.journey().reference(),
        ((SubmitResult.Completed) done).outcome(), done.journey().values());
  }

  /** This program's class path, also when run inside Maven (exec:java loads it in a class loader of its own). */
  private static String classPath() {
    if (SaveAndResumeDemo.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
      StringBuilder b = new StringBuilder();
      for (java.net.URL url : loader.getURLs()) {
        try {
          b.append(b.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return b.toString();
    }
    return System.getProperty("java.class.path");
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
  }

  static Journeys engine(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("civickit-demo") + ";AUTO_SERVER=FALSE");
    Schema.install(ds);
    return Journeys.builder()
        .definition(JourneyDefinition.builder("bulky-waste", 1)
            .step(new TextStep("items"))
            .step(new PostcodeStep())
            .step(new CheckStep())
            .step(new CheckStep("done"))
            .end("done", Outcome.SUCCESS)
            .build())
        .store(ProgressStore.jdbc(ds, keyRing(dir)))
        .tokens(ResumeTokenStore.jdbc(ds))
        .events(EventSink.jdbc(ds))
        .build();
  }

  /** The demo keeps its key ring in a file; a live service keeps it in its secret store. */
  private static KeyRing keyRing(Path dir) {
    Path file = dir.resolve("demo-key-ring.txt");
    try {
      if (Files.exists(file)) {
        return KeyRing.parse(Files.readString(file, StandardCharsets.US_ASCII));
      }
      KeyRing ring = KeyRing.generate("demo-1");
      Files.writeString(file, ring.format(), StandardCharsets.US_ASCII);
      return ring;
    } catch (IOException e) {
      throw new IllegalStateException("could not read or write " + file, e);
    }
  }

  /** A required free-text question. */
  private record TextStep(String id) implements Step {
    @Override
    public Set<String> answerKeys() {
      return Set.of(id);
    }

    @Override
    public StepResult submit(StepSubmission s) {
      String v = s.first(id).orElse("").strip();
      return v.isEmpty() ? new StepResult.Rejected(List.of(new FieldError(id, "Enter what you want collected")))
          : StepResult.Accepted.of(Map.of(id, Answer.of(Value.text(v), v, s.actor())));
    }
  }

  /** A UK postcode, normalised. */
  private static final class PostcodeStep implements Step {
    @Override
    public String id() {
      return "postcode";
    }

    @Override
    public Set<String> answerKeys() {
      return Set.of("postcode");
    }

    @Override
    public StepResult submit(StepSubmission s) {
      String v = s.first("postcode").orElse("").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      if (!v.matches("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")) {
        return new StepResult.Rejected(List.of(new FieldError("postcode", "Enter a full UK postcode")));
      }
      String normal = v.substring(0, v.length() - 3) + " " + v.substring(v.length() - 3);
      return StepResult.Accepted.of(Map.of("postcode", Answer.of(Value.text(normal))));
    }
  }

  /** A page with nothing to answer. */
  private record CheckStep(String id) implements Step {
    CheckStep() {
      this("check");
    }

    @Override
    public Set<String> answerKeys() {
      return Set.of();
    }

    @Override
    public StepResult submit(StepSubmission s) {
      return StepResult.Accepted.of(Map.of());
    }
  }
}
