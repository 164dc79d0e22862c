package io.civickit.examples.garden;

import io.civickit.test.pay.FakeGovUkPay;
import io.civickit.web.JourneyRunner;
import io.civickit.web.ServiceSettings;
import io.civickit.web.javalin.JourneyRunnerPlugin;
import io.javalin.Javalin;
import java.net.URI;

/**
 * The garden waste permit service: the form in {@code forms/garden-waste-permit.json}, the
 * settings in {@code garden-waste.properties}, served by CivicKit's journey runner in Javalin.
 *
 * <pre>{@code
 * try (GardenWasteApp app = GardenWasteApp.start(GardenWasteApp.settings(new String[0], System.getenv()))) {
 *   System.out.println(app.url());
 * }
 * }</pre>
 */
public final class GardenWasteApp implements AutoCloseable {
  /** The settings file on the class path. */
  public static final String SETTINGS = "/garden-waste.properties";

  private final JourneyRunner runner;
  private final Javalin javalin;

  private GardenWasteApp(ServiceSettings settings) {
    if (settings.get("pay.api-key").isEmpty()) {
      // No GOV.UK Pay account: a fake on 127.0.0.1 whose card page takes no money (closed with the runner).
      FakeGovUkPay fake = FakeGovUkPay.start();
      settings.with("pay.api-key", fake.apiKey()).with("pay.base-url", fake.baseUri().toString());
      System.out.println("No CIVICKIT_PAY_API_KEY: payments are a TEST fake of GOV.UK Pay at " + fake.baseUri()
          + "; no money is taken");
      this.runner = settings.runner().closeWith(fake).build();
    } else {
      this.runner = settings.runner().build();
    }
    this.javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.registerPlugin(new JourneyRunnerPlugin(runner));
    }).start();
  }

  /**
   * The service's settings: the file, then environment variables, then options.
   *
   * @param args {@code --name value} options
   * @param env the environment
   * @return the settings
   */
  public static ServiceSettings settings(String[] args, java.util.Map<String, String> env) {
    return ServiceSettings.load(SETTINGS, args, env);
  }

  /**
   * Starts the service: its tables, a notification worker, the purges and the web server.
   *
   * @param settings the settings
   * @return the running service
   */
  public static GardenWasteApp start(ServiceSettings settings) {
    return new GardenWasteApp(settings);
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return javalin.port();
  }

  /**
   * The URL people use.
   *
   * @return it
   */
  public URI url() {
    return runner.publicUrl();
  }

  /**
   * The runner, for tests and tools.
   *
   * @return it
   */
  public JourneyRunner runner() {
    return runner;
  }

  /** Stops the web server, then the runner (its worker and an embedded database). */
  @Override
  public void close() {
    javalin.stop();
    runner.close();
  }
}
