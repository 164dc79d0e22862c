package io.civickit.forms.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.forms.Content;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormRoute;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.Section;
import java.util.Locale;

/** Writes a {@link Form} in the JSON form format, leaving out settings at their defaults. */
public final class FormWriter {
  private FormWriter() {}

  /**
   * @param form the form
   * @return its JSON tree; {@link FormReader} reads it back to an equal form
   */
  public static ObjectNode write(Form form) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", form.id());
    n.put("version", form.version());
    n.set("title", text(form.title()));
    if (!form.languages().equals(Form.DEFAULT_LANGUAGES)) {
      ArrayNode l = n.putArray("languages");
      form.languages().forEach(l::add);
    }
    if (!form.messages().isEmpty()) {
      ObjectNode m = n.putObject("messages");
      form.messages().forEach((k, v) -> m.set(k, text(v)));
    }
    if (!form.sections().isEmpty()) {
      ArrayNode a = n.putArray("sections");
      for (Section s : form.sections()) {
        ObjectNode o = a.addObject();
        o.put("id", s.id());
        o.set("title", text(s.title()));
      }
    }
    ArrayNode pages = n.putArray("pages");
    for (Page p : form.pages()) {
      pages.add(page(p));
    }
    if (!form.routes().isEmpty()) {
      ArrayNode a = n.putArray("routes");
      for (FormRoute r : form.routes()) {
        ObjectNode o = a.addObject();
        o.put("from", r.from());
        o.put("condition", r.condition());
        o.put("to", r.to());
      }
    }
    ArrayNode ends = n.putArray("ends");
    for (FormEnd e : form.ends()) {
      ObjectNode o = ends.addObject();
      o.put("id", e.id());
      o.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
      o.set("title", text(e.title()));
      o.set("body", text(e.body()));
    }
    return n;
  }

  private static ObjectNode page(Page p) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", p.id());
    p.title().ifPresent(t -> o.set("title", text(t)));
    p.section().ifPresent(s -> o.put("section", s));
    p.showIf().ifPresent(s -> o.put("showIf", s));
    if (!p.content().isEmpty()) {
      ArrayNode cs = o.putArray("content");
      for (Content c : p.content()) {
        ObjectNode co = cs.addObject();
        co.put("type", c.kind().jsonName());
        c.summary().ifPresent(t -> co.set("summary", text(t)));
        co.set("text", text(c.text()));
        c.showIf().ifPresent(x -> co.put("showIf", x));
      }
    }
    p.repeat().ifPresent(r -> {
      ObjectNode ro = o.putObject("repeat");
      ro.set("itemName", text(r.itemName()));
      ro.set("itemsName", text(r.itemsName()));
      ro.put("minItems", r.minItems());
      ro.put("maxItems", r.maxItems());
      ArrayNode rp = ro.putArray("pages");
      r.pages().forEach(x -> rp.add(page(x)));
    });
    if (!p.questions().isEmpty() || (p.content().isEmpty() && p.repeat().isEmpty())) {
      ArrayNode qs = o.putArray("questions");
      for (Question q : p.questions()) {
        qs.add(question(q));
      }
    }
    return o;
  }

  private static ObjectNode question(Question q) {
    Question d = Defaults.QUESTION;
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", q.id());
    o.put("type", q.type().jsonName());
    o.set("label", text(q.label()));
    q.hint().ifPresent(h -> o.set("hint", text(h)));
    o.set("errorNoun", text(q.errorNoun()));
    q.errorSubject().ifPresent(x -> o.set("errorSubject", text(x)));
    if (!q.messages().isEmpty()) {
      ObjectNode m = o.putObject("messages");
      q.messages().forEach((k, v) -> m.set(k, text(v)));
    }
    if (q.required() != d.required()) {
      o.put("required", q.required());
    }
    q.showIf().ifPresent(s -> o.put("showIf", s));
    if (q.maxLength() != d.maxLength()) {
      o.put("maxLength", q.maxLength());
    }
    if (q.maxWords() != d.maxWords()) {
      o.put("maxWords", q.maxWords());
    }
    if (q.accessibleAutocomplete()) {
      o.put("accessibleAutocomplete", true);
    }
    if (q.minLength() != d.minLength()) {
      o.put("minLength", q.minLength());
    }
    q.pattern().ifPresent(x -> o.put("pattern", x));
    q.prefix().ifPresent(x -> o.set("prefix", text(x)));
    q.suffix().ifPresent(x -> o.set("suffix", text(x)));
    q.min().ifPresent(m -> o.put("min", m));
    q.max().ifPresent(m -> o.put("max", m));
    if (!q.options().isEmpty()) {
      ArrayNode a = o.putArray("options");
      for (Option opt : q.options()) {
        ObjectNode on = a.addObject();
        on.put("value", opt.value());
        on.set("label", text(opt.label()));
        opt.hint().ifPresent(h -> on.set("hint", text(h)));
        if (opt.exclusive()) {
          on.put("exclusive", true);
        }
        if (!opt.reveals().isEmpty()) {
          ArrayNode r = on.putArray("reveals");
          opt.reveals().forEach(r::add);
        }
        if (opt.dividerBefore()) {
          on.put("dividerBefore", true);
        }
      }
    }
    if (q.dateRule() != d.dateRule()) {
      o.put("dateRule", Defaults.jsonName(q.dateRule()));
    }
    q.earliestDate().ifPresent(x -> o.put("earliestDate", x.toString()));
    q.latestDate().ifPresent(x -> o.put("latestDate", x.toString()));
    q.autocomplete().ifPresent(x -> o.put("autocomplete", x));
    if (q.maxFileBytes() != d.maxFileBytes()) {
      o.put("maxFileBytes", q.maxFileBytes());
    }
    if (!q.fileTypes().isEmpty()) {
      ArrayNode a = o.putArray("fileTypes");
      q.fileTypes().forEach(a::add);
    }
    if (!q.items().isEmpty()) {
      ArrayNode a = o.putArray("items");
      q.items().forEach(i -> a.add(question(i)));
    }
    if (q.minItems() != d.minItems()) {
      o.put("minItems", q.minItems());
    }
    if (q.maxItems() != d.maxItems()) {
      o.put("maxItems", q.maxItems());
    }
    return o;
  }

  private static ObjectNode text(LocalisedText t) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("en", t.en());
    if (t.hasWelsh()) {
      o.put("cy", t.cy());
    }
    return o;
  }
}
