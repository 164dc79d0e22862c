package io.civickit.benchmarks.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.template.Templates;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The three ways of rendering {@link ReceiptEmail}: CivicKit, Mustache.java, and by hand. */
public final class ReceiptRenderers {
  private ReceiptRenderers() {}

  /** CivicKit: a {@link Templates} registry rendering a notification request, as the outbox does. */
  public static final class CivicKit {
    private final Templates templates = Templates.builder().email(ReceiptEmail.ID, ReceiptEmail.SUBJECT,
        ReceiptEmail.BODY).build();
    private final NotificationRequest request = new NotificationRequest(ReceiptEmail.ID,
        new Recipient.Email("ann@example.org"), ReceiptEmail.personalisation(), "receipt-1", Locale.UK);

    /** Renders the receipt. */
    public RenderedMessage.Email render() {
      return (RenderedMessage.Email) templates.render(request);
    }
  }

  /**
   * Mustache.java: the same email written as three Mustache templates (subject, plain text,
   * HTML), compiled once, rendered with the same values (the conditional as a boolean).
   */
  public static final class MustacheJava {
    static final String SUBJECT = "Your application {{{reference}}} for {{{service}}}";
    static final String PLAIN = String.join("\n",
        "Dear {{{first_name}}} {{{last_name}}},",
        "",
        "We received your application for {{{service}}} on {{{date_received}}}.",
        "",
        "Your reference number is {{{reference}}}. You will need it if you contact us.",
        "",
        "{{#paid_by_card}}",
        "We have taken your payment by card.",
        "",
        "{{/paid_by_card}}",
        "You told us about:",
        "",
        "{{#items}}",
        "\u2022 {{{.}}}",
        "{{/items}}",
        "",
        "We will contact you by {{{contact_date}}}. If anything changes, call us on {{{phone}}}.",
        "",
        "{{{officer_name}}}",
        "{{{team_name}}}",
        "");
    static final String HTML = "<p>Dear {{first_name}} {{last_name}},</p>"
        + "<p>We received your application for {{service}} on {{date_received}}.</p>"
        + "<p>Your reference number is {{reference}}. You will need it if you contact us.</p>"
        + "{{#paid_by_card}}<p>We have taken your payment by card.</p>{{/paid_by_card}}"
        + "<p>You told us about:</p>"
        + "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>"
        + "<p>We will contact you by {{contact_date}}. If anything changes, call us on {{phone}}.</p>"
        + "<p>{{officer_name}}<br>{{team_name}}</p>";

    private final Mustache subject;
    private final Mustache plain;
    private final Mustache html;
    private final Map<String, Object> scope;

    /** Compiles the templates once. */
    public MustacheJava() {
      DefaultMustacheFactory factory = new DefaultMustacheFactory();
      subject = factory.compile(new StringReader(SUBJECT), "subject");
      plain = factory.compile(new StringReader(PLAIN), "plain");
      html = factory.compile(new StringReader(HTML), "html");
      scope = new java.util.HashMap<>(ReceiptEmail.personalisation());
      scope.put("paid_by_card", Boolean.TRUE);
    }

    /** Renders the receipt. */
    public RenderedMessage.Email render() {
      return new RenderedMessage.Email(run(subject, 64), run(plain, 640), run(html, 768));
    }

    private String run(Mustache m, int size) {
      StringWriter w = new StringWriter(size);
      m.execute(w, scope);
      return w.toString();
    }
  }

  /** By hand: string building for exactly this email, with HTML escaping. The practical limit. */
  public static final class HandWritten {
    private final Map<String, Object> p = ReceiptEmail.personalisation();

    /** Renders the receipt. */
    public RenderedMessage.Email render() {
      String first = (String) p.get("first_name");
      String last = (String) p.get("last_name");
      String service = (String) p.get("service");
      String received = (String) p.get("date_received");
      String reference = (String) p.get("reference");
      boolean paid = isYes((String) p.get("paid_by_card"));
      @SuppressWarnings("unchecked")
      List<String> items = (List<String>) p.get("items");
      String contact = (String) p.get("contact_date");
      String phone = (String) p.get("phone");
      String officer = (String) p.get("officer_name");
      String team = (String) p.get("team_name");

      String subject = "Your application " + reference + " for " + service;

      StringBuilder t = new StringBuilder(640);
      t.append("Dear ").append(first).append(' ').append(last).append(",\n\n")
          .append("We received your application for ").append(service).append(" on ").append(received).append(".\n\n")
          .append("Your reference number is ").append(reference).append(". You will need it if you contact us.\n\n");
      if (paid) {
        t.append("We have taken your payment by card.\n\n");
      }
      t.append("You told us about:\n\n");
      for (String item : items) {
        t.append("\u2022 ").append(item).append('\n');
      }
      t.append("\nWe will contact you by ").append(contact).append(". If anything changes, call us on ").append(phone)
          .append(".\n\n").append(officer).append('\n').append(team).append('\n');

      StringBuilder h = new StringBuilder(768);
      h.append("<p>Dear ");
      esc(h, first).append(' ');
      esc(h, last).append(",</p><p>We received your application for ");
      esc(h, service).append(" on ");
      esc(h, received).append(".</p><p>Your reference number is ");
      esc(h, reference).append(". You will need it if you contact us.</p>");
      if (paid) {
        h.append("<p>We have taken your payment by card.</p>");
      }
      h.append("<p>You told us about:</p><ul>");
      for (String item : items) {
        esc(h.append("<li>"), item).append("</li>");
      }
      h.append("</ul><p>We will contact you by ");
      esc(h, contact).append(". If anything changes, call us on ");
      esc(h, phone).append(".</p><p>");
      esc(h, officer).append("<br>");
      esc(h, team).append("</p>");
      return new RenderedMessage.Email(subject, t.toString(), h.toString());
    }

    private static boolean isYes(String v) {
      return v != null && switch (v.toLowerCase(Locale.ROOT)) {
        case "yes", "y", "true", "t", "1", "include", "show" -> true;
        default -> false;
      };
    }

    private static StringBuilder esc(StringBuilder b, String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '&' -> b.append("&amp;");
          case '<' -> b.append("&lt;");
          case '>' -> b.append("&gt;");
          case '"' -> b.append("&#34;");
          case '\'' -> b.append("&#39;");
          default -> b.append(c);
        }
      }
      return b;
    }
  }
}
