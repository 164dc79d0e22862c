package io.civickit.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code civickit.submit.*} settings: where the journey runner delivers each completed
 * application (sdk-submit). Setting a folder, a team address or a webhook switches submissions
 * on; each destination gets every application, once, retried until it has it.
 *
 * @param folder the team inbox folder each application is written to (its JSON document, a PDF
 *     and a CSV row), for example {@code data/team-inbox}
 * @param email a team address each application is emailed to, with the PDF and CSV attached
 * @param webhook a case system's endpoint each application is posted to as signed JSON
 * @param retention how long a stored submission document is kept once every destination has it
 *     ({@code 0}: for ever); one not yet delivered is kept whatever its age
 */
@ConfigurationProperties("civickit.submit")
public record SubmitProperties(
    @Nullable Path folder,
    @DefaultValue Email email,
    @DefaultValue Webhook webhook,
    @DefaultValue("90d") Duration retention) {

  /**
   * Email to the team, through the application's {@code spring.mail.*} server.
   *
   * @param to the team's address; setting it sends each application there
   * @param from the sender address; {@code civickit.notify.from} when unset
   */
  public record Email(@Nullable String to, @Nullable String from) {}

  /**
   * A case system's webhook.
   *
   * @param url the endpoint (https); setting it posts each application there
   * @param secret the signing secret shared with the case system, at least 32 bytes; best given as
   *     the environment variable {@code CIVICKIT_SUBMIT_WEBHOOK_SECRET}
   */
  public record Webhook(@Nullable URI url, @Nullable String secret) {
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=" + (secret == null ? "unset" : "set") + "]";
    }
  }
}
