package io.civickit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the council's pages look around the service: its name in the header, an optional logo,
 * an extra stylesheet (its colours), a phase banner and footer links. Everything else is GOV.UK
 * Frontend as shipped in its webjar.
 *
 * <pre>{@code
 * Branding b = Branding.builder()
 *     .council("Anytown Council", "Cyngor Anytown")
 *     .logo("/assets/anytown-logo.svg", "Anytown Council")
 *     .phase("beta", "https://anytown.gov.uk/feedback")
 *     .footerLink("https://anytown.gov.uk/contact", "Contact us", "Cysylltu â ni")
 *     .build();
 * }</pre>
 *
 * @param councilEn the council's name in English
 * @param councilCy the council's name in Welsh
 * @param logoPath a path on this site to the logo (an asset the host serves), if any
 * @param logoAlt the logo's text alternative
 * @param stylesheet a path on this site to an extra stylesheet loaded after GOV.UK Frontend's, if any
 * @param phase the phase banner's tag ({@code alpha} or {@code beta}), if any
 * @param feedbackUrl where the phase banner's feedback link goes, if anywhere
 * @param footerLinks extra footer links
 */
public record Branding(String councilEn, String councilCy, Optional<String> logoPath, String logoAlt,
    Optional<String> stylesheet, Optional<String> phase, Optional<String> feedbackUrl, List<FooterLink> footerLinks) {

  /**
   * A footer link.
   *
   * @param href where it goes
   * @param en its text in English
   * @param cy its text in Welsh
   */
  public record FooterLink(String href, String en, String cy) {
    /** Checks for nulls and script URLs. */
    public FooterLink {
      Objects.requireNonNull(href, "href");
      Objects.requireNonNull(en, "en");
      Objects.requireNonNull(cy, "cy");
      if (!(href.startsWith("/") || href.startsWith("https://") || href.startsWith("http://"))) {
        throw new IllegalArgumentException("a footer link is a path or an http(s) URL, but was " + href);
      }
    }
  }

  /** Checks the values. */
  public Branding {
    Objects.requireNonNull(councilEn, "councilEn");
    Objects.requireNonNull(councilCy, "councilCy");
    Objects.requireNonNull(logoPath, "logoPath");
    Objects.requireNonNull(logoAlt, "logoAlt");
    Objects.requireNonNull(stylesheet, "stylesheet");
    Objects.requireNonNull(phase, "phase");
    phase.ifPresent(p -> {
      if (!p.equals("alpha") && !p.equals("beta")) {
        throw new IllegalArgumentException("phase must be alpha or beta, but was " + p);
      }
    });
    Objects.requireNonNull(feedbackUrl, "feedbackUrl");
    footerLinks = List.copyOf(footerLinks);
    logoPath.ifPresent(Branding::requirePath);
    stylesheet.ifPresent(Branding::requirePath);
  }

  private static void requirePath(String p) {
    if (!p.startsWith("/") || p.startsWith("//")) {
      throw new IllegalArgumentException("expected a path on this site such as /assets/logo.svg, but was " + p);
    }
  }

  /**
   * Starts a builder; the council is "Your council" until named.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Branding}. */
  public static final class Builder {
    private String en = "Your council";
    private String cy = "Eich cyngor";
    private String logo;
    private String logoAlt = "";
    private String stylesheet;
    private String phase;
    private String feedback;
    private final List<FooterLink> links = new ArrayList<>();

    private Builder() {}

    /**
     * The council's name.
     *
     * @param english in English
     * @param welsh in Welsh
     * @return this
     */
    public Builder council(String english, String welsh) {
      en = english;
      cy = welsh;
      return this;
    }

    /**
     * A logo shown before the council's name.
     *
     * @param path a path on this site
     * @param alt its text alternative (empty when the council's name beside it says it all)
     * @return this
     */
    public Builder logo(String path, String alt) {
      logo = path;
      logoAlt = alt;
      return this;
    }

    /**
     * An extra stylesheet (the council's colours), loaded after GOV.UK Frontend's.
     *
     * @param path a path on this site
     * @return this
     */
    public Builder stylesheet(String path) {
      stylesheet = path;
      return this;
    }

    /**
     * A phase banner.
     *
     * @param tag {@code alpha} or {@code beta}
     * @param feedbackUrl where feedback goes, or null for none
     * @return this
     */
    public Builder phase(String tag, String feedbackUrl) {
      phase = tag;
      feedback = feedbackUrl;
      return this;
    }

    /**
     * Adds a footer link.
     *
     * @param href where it goes
     * @param english its text in English
     * @param welsh its text in Welsh
     * @return this
     */
    public Builder footerLink(String href, String english, String welsh) {
      links.add(new FooterLink(href, english, welsh));
      return this;
    }

    /**
     * The branding.
     *
     * @return it
     * @throws IllegalArgumentException naming a bad value
     */
    public Branding build() {
      return new Branding(en, cy, Optional.ofNullable(logo), logoAlt, Optional.ofNullable(stylesheet),
          Optional.ofNullable(phase), Optional.ofNullable(feedback), links);
    }
  }
}
