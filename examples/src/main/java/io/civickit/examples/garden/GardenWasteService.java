package io.civickit.examples.garden;

/**
 * Runs the garden waste permit service and prints its URL.
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package exec:java
 * mvn -q -pl examples exec:java -Dexec.args="--port 7001 --database-url jdbc:postgresql://localhost/council"
 * </pre>
 *
 * <p>Settings are listed in {@code io.civickit.web.ServiceSettings}.
 */
public final class GardenWasteService {
  private GardenWasteService() {}

  /**
   * Starts the service; stops it when the JVM is asked to stop (Ctrl+C).
   *
   * @param args {@code --name value} options
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    GardenWasteApp app;
    try {
      app = GardenWasteApp.start(GardenWasteApp.settings(args, System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "garden-waste-shutdown"));
    System.out.println();
    System.out.println("Apply for a garden waste collection permit is running at " + app.url() + "/");
    System.out.println("Agent console: " + app.url() + "/agent    Service performance: " + app.url() + "/agent/kpis");
    Thread.currentThread().join();
  }
}
