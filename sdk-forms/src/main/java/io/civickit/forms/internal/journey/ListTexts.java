package io.civickit.forms.internal.journey;

import io.civickit.forms.RepeatingSet;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the "add to a list" pattern, in English and Welsh, filled with the set's item
 * names ({@code {item}}, {@code {items}}), a number ({@code {n}}) or an item's label
 * ({@code {label}}).
 */
public final class ListTexts {
  private ListTexts() {}

  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      Map.entry("summary.one", new String[] {"You have added 1 {item}", "Rydych wedi ychwanegu 1 {item}"}),
      Map.entry("summary.many", new String[] {"You have added {n} {items}", "Rydych wedi ychwanegu {n} {items}"}),
      Map.entry("summary.none", new String[] {"You have not added any {items}", "Nid ydych wedi ychwanegu unrhyw {items}"}),
      Map.entry("question", new String[] {"Do you need to add another {item}?",
          "Oes angen i chi ychwanegu {item} arall?"}),
      Map.entry("question.first", new String[] {"Do you need to add a {item}?", "Oes angen i chi ychwanegu {item}?"}),
      Map.entry("yes", new String[] {"Yes", "Oes"}),
      Map.entry("no", new String[] {"No", "Nac oes"}),
      Map.entry("error.question", new String[] {"Select yes if you need to add another {item}",
          "Dewiswch ‘oes’ os oes angen i chi ychwanegu {item} arall"}),
      Map.entry("error.min", new String[] {"You must add at least {n} {items}",
          "Mae’n rhaid i chi ychwanegu o leiaf {n} {items}"}),
      Map.entry("error.min.one", new String[] {"You must add at least 1 {item}",
          "Mae’n rhaid i chi ychwanegu o leiaf 1 {item}"}),
      Map.entry("error.max", new String[] {"You can add at most {n} {items}",
          "Gallwch ychwanegu {n} {items} ar y mwyaf"}),
      Map.entry("max.reached", new String[] {"You cannot add any more {items}. The most you can add is {n}.",
          "Ni allwch ychwanegu rhagor o {items}. Y mwyaf y gallwch ei ychwanegu yw {n}."}),
      Map.entry("remove.title", new String[] {"Are you sure you want to remove {label}?",
          "Ydych chi’n siŵr eich bod am dynnu {label}?"}),
      Map.entry("remove.yes", new String[] {"Yes", "Ydw"}),
      Map.entry("remove.no", new String[] {"No", "Nac ydw"}),
      Map.entry("remove.error", new String[] {"Select yes if you want to remove {label}",
          "Dewiswch ‘ydw’ os ydych am dynnu {label}"}),
      Map.entry("change", new String[] {"Change", "Newid"}),
      Map.entry("remove", new String[] {"Remove", "Tynnu"}),
      Map.entry("card.title", new String[] {"{Item} {n}", "{Item} {n}"}),
      Map.entry("continue", new String[] {"Continue", "Parhau"}));

  /**
   * A text, filled.
   *
   * @param key the text's key
   * @param set the set (its item names)
   * @param locale English or Welsh
   * @param n the number, for {@code {n}}
   * @param label the item's label, for {@code {label}}
   * @return the text
   */
  public static String t(String key, RepeatingSet set, Locale locale, int n, String label) {
    String[] pair = TEXTS.get(key);
    if (pair == null) {
      throw new IllegalArgumentException("no add-to-a-list text '" + key + "'");
    }
    boolean cy = "cy".equals(locale.getLanguage());
    String item = set.itemName().in(locale);
    String capital = item.isEmpty() ? item : item.substring(0, 1).toUpperCase(locale) + item.substring(1);
    return (cy ? pair[1] : pair[0]).replace("{Item}", capital).replace("{items}", set.itemsName().in(locale))
        .replace("{item}", item).replace("{n}", Integer.toString(n)).replace("{label}", label);
  }
}
