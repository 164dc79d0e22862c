package io.civickit.web.internal;

import io.civickit.web.Branding;
import io.civickit.web.PageOptions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.owasp.encoder.Encode;

/**
 * The GOV.UK Frontend page layout and the few pieces of markup the runner writes itself. Every
 * value goes through the OWASP encoder; no inline script or style anywhere, so the strict
 * Content-Security-Policy holds.
 */
final class Html {
  private Html() {}

  /** Where the runner's own stylesheet is served under the base path (the link-style button of the language switch). */
  public static final String OWN_CSS = "/assets/civickit-web.css";

  /**
   * Escapes text for an element's content.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String e(String s) {
    return Encode.forHtml(s);
  }

  /**
   * Escapes text for an attribute value.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String a(String s) {
    return Encode.forHtmlAttribute(s);
  }

  /**
   * Everything the layout needs besides the content; its paths ({@code homePath}, {@code path},
   * {@code agentPath}, {@code staffNav}) are already under the base path.
   */
  record Chrome(Locale locale, String serviceName, String homePath, Branding branding, Words words,
      Optional<String> csrf, String path, Optional<String> agentPath, boolean staff, List<String[]> staffNav,
      Paths paths) {}

  static String page(Chrome c, String title, String content, PageOptions o) {
    Locale locale = c.locale();
    boolean cy = Words.welsh(locale);
    Words w = c.words();
    String council = cy ? c.branding().councilCy() : c.branding().councilEn();
    String fullTitle = (o.errors() ? (cy ? "Gwall: " : "Error: ") : "")
        + (title.equals(c.serviceName()) ? "" : title + " – ") + c.serviceName() + " – " + council;
    Paths to = c.paths();
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(cy ? "cy" : "en").append("\" class=\"govuk-template\">")
        .append("<head><meta charset=\"utf-8\"><title>").append(e(fullTitle)).append("</title>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">")
        .append("<meta name=\"theme-color\" content=\"#0b0c0c\">")
        .append("<link rel=\"icon\" sizes=\"48x48\" href=\"").append(a(to.to("/assets/images/favicon.ico")))
        .append("\"><link rel=\"stylesheet\" href=\"").append(a(to.to("/assets/govuk-frontend.min.css")))
        .append("\"><link rel=\"stylesheet\" href=\"").append(a(to.to(OWN_CSS))).append("\">");
    c.branding().stylesheet().ifPresent(s -> b.append("<link rel=\"stylesheet\" href=\"").append(a(s)).append("\">"));
    b.append("</head><body class=\"govuk-template__body\">")
        .append("<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">")
        .append(e(w.t(locale, "skip"))).append("</a>")
        .append("<header class=\"govuk-header\" data-module=\"govuk-header\">")
        .append("<div class=\"govuk-header__container govuk-width-container\"><div class=\"govuk-header__logo\">")
        .append("<a href=\"").append(a(c.homePath())).append("\" class=\"govuk-header__link govuk-header__link--homepage\">");
    c.branding().logoPath().ifPresent(l -> b.append("<img class=\"ck-logo\" src=\"").append(a(l)).append("\" alt=\"")
        .append(a(c.branding().logoAlt())).append("\" height=\"30\">"));
    b.append("<span class=\"govuk-header__product-name\">").append(e(council)).append("</span></a>")
        .append("</div></div></header>")
        .append("<section aria-label=\"").append(a(w.t(locale, "service.information")))
        .append("\" class=\"govuk-service-navigation\" data-module=\"govuk-service-navigation\">")
        .append("<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">")
        .append("<span class=\"govuk-service-navigation__service-name\">")
        .append("<a href=\"").append(a(c.homePath())).append("\" class=\"govuk-service-navigation__link\">")
        .append(e(c.serviceName())).append("</a></span>");
    if (!c.staffNav().isEmpty()) {
      b.append("<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">")
          .append("<ul class=\"govuk-service-navigation__list\" id=\"navigation\">");
      for (String[] item : c.staffNav()) {
        boolean active = c.path().equals(item[0]);
        b.append("<li class=\"govuk-service-navigation__item").append(active ? " govuk-service-navigation__item--active" : "")
            .append("\"><a class=\"govuk-service-navigation__link\" href=\"").append(a(item[0])).append("\"")
            .append(active ? " aria-current=\"page\"" : "").append(">").append(e(item[1])).append("</a></li>");
      }
      b.append("</ul></nav>");
    }
    b.append("</div></div></section>").append("<div class=\"govuk-width-container\">");
    c.branding().phase().ifPresent(p -> {
      b.append("<div class=\"govuk-phase-banner\"><p class=\"govuk-phase-banner__content\">")
          .append("<strong class=\"govuk-tag govuk-phase-banner__content__tag\">")
          .append(e(p.equals("alpha") ? "Alpha" : w.t(locale, "phase.tag"))).append("</strong>")
          .append("<span class=\"govuk-phase-banner__text\">");
      String text = w.t(locale, "phase.text");
      if (c.branding().feedbackUrl().isPresent()) {
        b.append("<a class=\"govuk-link\" href=\"").append(a(c.branding().feedbackUrl().get())).append("\">")
            .append(e(text)).append("</a>");
      } else {
        b.append(e(text));
      }
      b.append("</span></p></div>");
    });
    if (o.languageSwitch() && c.csrf().isPresent()) {
      b.append(languageSwitch(locale, to, c.path(), c.csrf().get(), w));
    }
    o.back().ifPresent(h -> b.append("<a href=\"").append(a(to.to(h))).append("\" class=\"govuk-back-link\">")
        .append(e(w.t(locale, "back"))).append("</a>"));
    b.append("<main class=\"govuk-main-wrapper\" id=\"main-content\">")
        .append("<div class=\"govuk-grid-row\"><div class=\"")
        .append(o.wide() ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds").append("\">")
        .append(content);
    if (o.helpLink()) {
      b.append("<h2 class=\"govuk-heading-s govuk-!-margin-top-8\">").append(e(w.t(locale, "help.link")))
          .append("</h2><p class=\"govuk-body\">").append(e(w.t(locale, "help.stuck"))).append(" ")
          .append("<a class=\"govuk-link\" id=\"get-help\" href=\"").append(a(to.to("/help"))).append("\">").append(e(w.t(locale, "help.link")))
          .append("</a></p>");
    }
    b.append("</div></div></main></div>")
        .append("<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\">")
        .append("<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">")
        .append("<h2 class=\"govuk-visually-hidden\">").append(e(w.t(locale, "footer.support"))).append("</h2>")
        .append("<ul class=\"govuk-footer__inline-list\">");
    if (!c.staff()) {
      footerLink(b, to.to("/help"), w.t(locale, "help.link"));
    }
    footerLink(b, to.to("/accessibility"), w.t(locale, "footer.accessibility"));
    footerLink(b, to.to("/privacy"), w.t(locale, "footer.privacy"));
    footerLink(b, to.to("/cookies"), w.t(locale, "footer.cookies"));
    for (Branding.FooterLink l : c.branding().footerLinks()) {
      footerLink(b, l.href(), cy ? l.cy() : l.en());
    }
    c.agentPath().filter(x -> !c.staff()).ifPresent(p -> footerLink(b, p, w.t(locale, "footer.agents")));
    b.append("</ul><p class=\"govuk-body-s\">").append(e(w.t(locale, "footer.licence"))).append("</p>")
        .append("</div></div></div></footer>")
        .append("<script type=\"module\" src=\"").append(a(to.to("/assets/civickit-web.js"))).append("\"></script>")
        .append("</body></html>\n");
    return b.toString();
  }

  private static void footerLink(StringBuilder b, String href, String text) {
    b.append("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"")
        .append(a(href)).append("\">").append(e(text)).append("</a></li>");
  }

  /**
   * English | Cymraeg: the current language as plain text, the other as a button that posts
   * (switching language changes the session, so it is never a GET).
   */
  static String languageSwitch(Locale locale, Paths to, String path, String csrf, Words w) {
    boolean cy = Words.welsh(locale);
    StringBuilder b = new StringBuilder("<nav class=\"govuk-!-margin-top-3 govuk-!-text-align-right\" aria-label=\"")
        .append(a(w.t(locale, "language.nav"))).append("\"><ul class=\"govuk-list govuk-!-margin-0\">")
        .append("<li class=\"govuk-!-display-inline-block govuk-!-margin-0\">");
    if (cy) {
      switchForm(b, to, "en", path, csrf, "Change the language to ", "English");
      b.append("</li><li class=\"govuk-!-display-inline-block govuk-!-margin-0 govuk-!-margin-left-2\">")
          .append("<span aria-current=\"true\">Cymraeg</span>");
    } else {
      b.append("<span aria-current=\"true\">English</span>")
          .append("</li><li class=\"govuk-!-display-inline-block govuk-!-margin-0 govuk-!-margin-left-2\">");
      switchForm(b, to, "cy", path, csrf, "Newid yr iaith i ", "Cymraeg");
    }
    return b.append("</li></ul></nav>").toString();
  }

  private static void switchForm(StringBuilder b, Paths paths, String to, String path, String csrf, String hidden,
      String name) {
    b.append("<form class=\"ck-inline-form\" method=\"post\" action=\"").append(a(paths.to("/language")))
        .append("\" novalidate>").append(csrf(csrf))
        .append("<input type=\"hidden\" name=\"to\" value=\"").append(to).append("\">")
        .append("<input type=\"hidden\" name=\"return\" value=\"").append(a(path)).append("\">")
        .append("<button type=\"submit\" class=\"ck-link-button govuk-link\" id=\"language-").append(to)
        .append("\" lang=\"").append(to).append("\"><span class=\"govuk-visually-hidden\">").append(e(hidden))
        .append("</span>").append(e(name)).append("</button></form>");
  }

  /**
   * The hidden CSRF field every form carries.
   *
   * @param token the session's token
   * @return the input
   */
  public static String csrf(String token) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + a(token) + "\">";
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + a(name) + "\" value=\"" + a(value) + "\">";
  }

  static String button(String text, Optional<String> action, boolean secondary, String id) {
    StringBuilder b = new StringBuilder("<button type=\"submit\" class=\"govuk-button")
        .append(secondary ? " govuk-button--secondary" : "").append("\" data-module=\"govuk-button\" id=\"")
        .append(a(id)).append("\"");
    action.ifPresent(nv -> b.append(" name=\"action\" value=\"").append(a(nv)).append("\""));
    return b.append(">").append(e(text)).append("</button>").toString();
  }

  /** A form posting to {@code action} with hidden fields and a button (start, resend, sign out...). */
  static String buttonForm(String action, String token, String button) {
    return "<form method=\"post\" action=\"" + a(action) + "\" novalidate>" + csrf(token) + button + "</form>";
  }

  static String h1(String text) {
    return "<h1 class=\"govuk-heading-l\">" + e(text) + "</h1>";
  }

  static String p(String text) {
    return text.isEmpty() ? "" : "<p class=\"govuk-body\">" + e(text) + "</p>";
  }

  static String link(String href, String text, String id) {
    return "<a class=\"govuk-link\" id=\"" + a(id) + "\" href=\"" + a(href) + "\">" + e(text) + "</a>";
  }

  /** A GOV.UK error summary over links to fields. */
  static String errorSummary(Locale locale, List<String[]> targetsAndMessages) {
    if (targetsAndMessages.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
        + "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">")
        .append(e(Words.welsh(locale) ? "Mae problem wedi codi" : "There is a problem"))
        .append("</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
    for (String[] t : targetsAndMessages) {
      b.append("<li><a href=\"#").append(a(t[0])).append("\">").append(e(t[1])).append("</a></li>");
    }
    return b.append("</ul></div></div></div>").toString();
  }

  /** A field's GOV.UK error message, {@code id-error}, with its visually hidden "Error:". */
  static String errorMessage(Locale locale, String id, String message) {
    return "<p id=\"" + a(id) + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
        + (Words.welsh(locale) ? "Gwall:" : "Error:") + "</span> " + e(message) + "</p>";
  }

  /** A labelled text input, with an error when given. */
  static String input(Locale locale, String id, String type, String label, Optional<String> hint,
      Optional<String> error, String value, String autocomplete, String extraClass) {
    StringBuilder b = new StringBuilder("<div class=\"govuk-form-group")
        .append(error.isPresent() ? " govuk-form-group--error" : "").append("\">")
        .append("<label class=\"govuk-label\" for=\"").append(a(id)).append("\">").append(e(label)).append("</label>");
    StringBuilder describedBy = new StringBuilder();
    hint.ifPresent(h -> {
      b.append("<div id=\"").append(a(id)).append("-hint\" class=\"govuk-hint\">").append(e(h)).append("</div>");
      describedBy.append(id).append("-hint");
    });
    error.ifPresent(m -> {
      b.append(errorMessage(locale, id, m));
      describedBy.append(describedBy.length() > 0 ? " " : "").append(id).append("-error");
    });
    b.append("<input class=\"govuk-input").append(extraClass.isEmpty() ? "" : " " + extraClass)
        .append(error.isPresent() ? " govuk-input--error" : "").append("\" id=\"").append(a(id))
        .append("\" name=\"").append(a(id)).append("\" type=\"").append(a(type)).append("\"");
    if (!value.isEmpty() && !type.equals("password")) {
      b.append(" value=\"").append(a(value)).append("\"");
    }
    if (describedBy.length() > 0) {
      b.append(" aria-describedby=\"").append(a(describedBy.toString())).append("\"");
    }
    if (!autocomplete.isEmpty()) {
      b.append(" autocomplete=\"").append(a(autocomplete)).append("\"");
    }
    if (type.equals("email") || type.equals("password") || autocomplete.equals("one-time-code")) {
      b.append(" spellcheck=\"false\"");
    }
    return b.append("></div>").toString();
  }

  /** A summary list row: key, value lines, optional change link. */
  record Row(String key, List<String> lines, Optional<String> changeHref, String hiddenChangeText) {}

  static String summaryList(List<Row> rows) {
    StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">");
    for (Row r : rows) {
      b.append("<div class=\"govuk-summary-list__row govuk-summary-list__row--no-actions\">")
          .append("<dt class=\"govuk-summary-list__key\">").append(e(r.key()))
          .append("</dt><dd class=\"govuk-summary-list__value\">");
      for (int i = 0; i < r.lines().size(); i++) {
        b.append(i > 0 ? "<br>" : "").append(e(r.lines().get(i)));
      }
      b.append("</dd></div>");
    }
    return b.append("</dl>").toString();
  }

  /** A GOV.UK success notification banner whose heading has the id {@code id}. */
  static String successBanner(String heading, String id) {
    return "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
        + "aria-labelledby=\"banner-title\" data-module=\"govuk-notification-banner\">"
        + "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
        + "id=\"banner-title\">Success</h2></div><div class=\"govuk-notification-banner__content\">"
        + "<p class=\"govuk-notification-banner__heading\" id=\"" + a(id) + "\">" + e(heading) + "</p></div></div>";
  }

  /** The confirmation panel. */
  static String panel(String title, String label, String reference) {
    return "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">" + e(title)
        + "</h1><div class=\"govuk-panel__body\">" + e(label) + "<br><strong id=\"reference\">" + e(reference)
        + "</strong></div></div>";
  }
}
