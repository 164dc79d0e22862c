package io.civickit.spring;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code civickit.web.*} settings: the journey runner (sdk-web) serving a form as a whole
 * GOV.UK-styled service, configured when {@link #form()} is set.
 *
 * @param form where the form's JSON is, as a Spring resource location, for example
 *     {@code classpath:forms/missed-bin.json}; setting it switches the runner on
 * @param publicUrl the URL people reach the service at (links in emails are made from it);
 *     {@code http://localhost:<the server's port>} when unset
 * @param path the path the service is mounted at, like {@code /report-a-missed-bin}, when it shares
 *     the application with other pages: every page, link, redirect, asset and emailed link is
 *     under it, and the runner answers nothing outside it; the site's root when unset. It is
 *     within {@code server.servlet.context-path}, as controllers' paths are. A leading {@code /},
 *     no trailing one, only letters, digits, {@code -} and {@code _} between slashes
 * @param council the council's name in English, shown in the header
 * @param councilWelsh the council's name in Welsh; the English name when unset
 * @param phase the phase banner's tag ({@code alpha} or {@code beta}); no banner when unset
 * @param feedbackUrl where the phase banner's feedback link goes
 * @param agent the agent console
 */
@ConfigurationProperties("civickit.web")
public record WebProperties(
    @Nullable String form,
    @Nullable URI publicUrl,
    @Nullable String path,
    @DefaultValue("Your council") String council,
    @Nullable String councilWelsh,
    @Nullable String phase,
    @Nullable String feedbackUrl,
    @DefaultValue Agent agent) {

  /**
   * The agent console, where advisers take the people handed to them. Behind Spring Security when
   * it is on the class path (the council's own sign-in decides who is an adviser); otherwise the
   * runner's own sign-in with the {@link #accounts()} below, and no console without them.
   *
   * @param path where the console is, for example {@code /agent}
   * @param accounts the runner's own sign-in: a PBKDF2 hash (from sdk-web's
   *     {@code PasswordHash.hash}) by staff username, for example
   *     {@code civickit.web.agent.accounts.jsmith=pbkdf2-sha256$600000$...}
   * @param totp a TOTP secret (base32) by staff username, for a second factor at the runner's own sign-in
   */
  public record Agent(@DefaultValue("/agent") String path, @DefaultValue Map<String, String> accounts,
      @DefaultValue Map<String, String> totp) {
    /** Copies the maps. */
    public Agent {
      accounts = Map.copyOf(accounts);
      totp = Map.copyOf(totp);
    }

    @Override
    public String toString() {
      return "Agent[path=" + path + ", accounts=" + accounts.keySet() + "]";
    }
  }
}
