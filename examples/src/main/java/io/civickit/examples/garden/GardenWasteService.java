package io.civickit.examples.garden;

/**
 * Runs the garden waste permit service and prints its URL.
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package exec:java
 * mvn -q -pl examples exec:java -Dexec.args="--port 7001 --database-url jdbc:postgresql://localhost/council"
 * </pre>
 *
 * <p>Options are listed in {@link ServiceConfig}.
 */
public final class GardenWasteService {
  private GardenWasteService() {}

  /** Starts the service; stops it when the JVM is asked to stop (Ctrl+C). */
  public static void main(String[] args) throws InterruptedException {
    ServiceConfig config;
    try {
      config = ServiceConfig.fromArgs(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    GardenWasteApp app = GardenWasteApp.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "garden-waste-shutdown"));
    System.out.println();
    System.out.println("Apply for a garden waste collection permit is running at " + app.url() + "/");
    System.out.println("Agent console: " + app.url() + "/agent    Service performance: " + app.url() + "/agent/kpis");
    System.out.println("Emails are written to " + config.outboxDir().toAbsolutePath() + " (press Ctrl+C to stop)");
    Thread.currentThread().join();
  }
}
