package io.civickit.forms.internal.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Authored guidance in Markdown as GOV.UK HTML, with commonmark-java. A safe subset: raw HTML is
 * escaped (it shows as text), code blocks and block quotes are not recognised (indented or
 * {@code >} lines stay paragraphs), links keep only {@code http}, {@code https}, {@code mailto}
 * and relative addresses, images show their alternative text, and headings come out as
 * {@code h2 govuk-heading-m} ({@code #} and {@code ##}) or {@code h3 govuk-heading-s} (deeper),
 * since the page's own title is its {@code h1}. Paragraphs, lists, links and rules carry the
 * GOV.UK classes.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder()
      .enabledBlockTypes(Set.of(Heading.class, ListBlock.class, ThematicBreak.class))
      .build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
      .attributeProviderFactory(context -> Markdown::classes)
      .nodeRendererFactory(GovukNodes::new)
      .build();

  private Markdown() {}

  /**
   * Renders Markdown as GOV.UK HTML.
   *
   * @param markdown the authored text
   * @return the HTML, every piece of the text escaped
   */
  public static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  private static void classes(Node node, String tag, Map<String, String> attributes) {
    if (node instanceof Paragraph) {
      attributes.put("class", "govuk-body");
    } else if (node instanceof BulletList) {
      attributes.put("class", "govuk-list govuk-list--bullet");
    } else if (node instanceof OrderedList) {
      attributes.put("class", "govuk-list govuk-list--number");
    } else if (node instanceof Link) {
      attributes.put("class", "govuk-link");
    } else if (node instanceof ThematicBreak) {
      attributes.put("class", "govuk-section-break govuk-section-break--m govuk-section-break--visible");
    }
  }

  /** Headings below the page's {@code h1}; images as their alternative text. */
  private static final class GovukNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    GovukNodes(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Heading.class, Image.class);
    }

    @Override
    public void render(Node node) {
      var w = context.getWriter();
      if (node instanceof Heading h) {
        String tag = h.getLevel() <= 2 ? "h2" : "h3";
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("class", h.getLevel() <= 2 ? "govuk-heading-m" : "govuk-heading-s");
        w.line();
        w.tag(tag, attrs);
        children(node);
        w.tag("/" + tag);
        w.line();
      } else {
        w.text(altText(node));
      }
    }

    private void children(Node parent) {
      Node child = parent.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
    }

    private static String altText(Node node) {
      StringBuilder b = new StringBuilder();
      for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Text t) {
          b.append(t.getLiteral());
        } else {
          b.append(altText(c));
        }
      }
      return b.toString();
    }
  }
}
