package io.civickit.pay.fee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civickit.core.Value;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.core.condition.ConditionSyntaxException;
import io.civickit.core.condition.Operand;
import io.civickit.pay.PaymentRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A fee as rules over a journey's answers: items (a fixed charge, or a price per unit counted from
 * an answer), each applying when its condition holds, then percentage discounts.
 *
 * <pre>{@code
 * {
 *   "items": [
 *     {"id": "bins", "label": "Garden waste bin", "label_cy": "Bin gwastraff gardd",
 *      "unit_pence": 4500, "quantity": "bins"}
 *   ],
 *   "discounts": [
 *     {"id": "concession", "label": "Concession (half price)", "percent_off": 50,
 *      "when": "concession = true"}
 *   ]
 * }
 * }</pre>
 *
 * <p>How the amount is worked out, exactly:
 * <ol>
 *   <li>Each item whose {@code when} holds (or that has none) is a line of quantity × {@code unit_pence}.
 *       The quantity is 1 without {@code quantity}; otherwise it is read from the answer (or
 *       {@code journey.} attribute) at that path: a whole number 0 to {@code max_quantity}
 *       (default 100), the number of entries of a list answer (checkboxes, a repeating group),
 *       or 1/0 for yes/no.
 *   <li>Each discount whose {@code when} holds takes {@code percent_off} of the running total, in
 *       order. Discounts are rounded to the penny <b>in the payer's favour</b>: the amount taken
 *       off is rounded up, so the charge is rounded down. As {@code percent_off} is at most 100, a
 *       discount never takes off more than the running total, and the total is never negative.
 *   <li>The total must be at most 10,000,000 pence (£100,000), GOV.UK Pay's limit.
 * </ol>
 * Amounts are whole pence throughout; no floating point is used.
 */
// Over 500 lines and kept whole: the fee value, its calculation, its builder and its JSON form; the
// JSON reader and writer are half of it and stay beside the fields they read, so a field cannot be
// added to one without the other.
public final class FeeRules {

  /** The largest quantity an item reads from an answer unless {@code max_quantity} says otherwise. */
  public static final long DEFAULT_MAX_QUANTITY = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String ID = "[a-z0-9][a-z0-9_-]{0,62}";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A charge: fixed, or per unit counted from an answer.
   *
   * @param id a short id, unique within the rules
   * @param label what it is, in English
   * @param labelWelsh what it is, in Welsh
   * @param unitPence the price of one, in pence: 0 to 10,000,000
   * @param quantity the answer (or {@code journey.} attribute) path that counts the units; empty for 1
   * @param maxQuantity the largest quantity accepted from the answer
   * @param when when the item applies; empty for always
   */
  public record Item(String id, String label, Optional<String> labelWelsh, long unitPence, Optional<String> quantity,
      long maxQuantity, Optional<Condition> when) {
    /**
     * Checks the item.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException naming the bad value
     */
    public Item {
      List<FeeProblem> p = new ArrayList<>();
      checkItem("item " + id, id, label, labelWelsh, unitPence, quantity, maxQuantity, p);
      Objects.requireNonNull(when, "when");
      throwFirst(p);
    }
  }

  /**
   * A percentage off the running total.
   *
   * @param id a short id, unique within the rules
   * @param label what it is, in English
   * @param labelWelsh what it is, in Welsh
   * @param percentOff how much to take off: more than 0, at most 100, at most 2 decimal places;
   *     kept without trailing zeros ({@code 12.50} becomes {@code 12.5})
   * @param when when the discount applies; empty for always
   */
  public record Discount(String id, String label, Optional<String> labelWelsh, BigDecimal percentOff,
      Optional<Condition> when) {
    /**
     * Checks the discount.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException naming the bad value
     */
    public Discount {
      List<FeeProblem> p = new ArrayList<>();
      checkDiscount("discount " + id, id, label, labelWelsh, percentOff, p);
      Objects.requireNonNull(when, "when");
      throwFirst(p);
      BigDecimal stripped = percentOff.stripTrailingZeros();
      percentOff = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
  }

  private final List<Item> items;
  private final List<Discount> discounts;

  private FeeRules(List<Item> items, List<Discount> discounts) {
    this.items = List.copyOf(items);
    this.discounts = List.copyOf(discounts);
  }

  /** The items, in order. */
  public List<Item> items() {
    return items;
  }

  /** The discounts, in order. */
  public List<Discount> discounts() {
    return discounts;
  }

  /**
   * Works the fee out for a journey (pass {@code journeys.context(journey)}).
   *
   * @param context the journey's answers and attributes
   * @return the fee, with a line for each item and discount that applied
   * @throws FeeCalculationException if a quantity is unanswered or out of range, or the total is
   *     more than GOV.UK Pay takes
   */
  public Fee calculate(ConditionContext context) {
    List<FeeLine> lines = new ArrayList<>();
    long total = 0;
    for (Item item : items) {
      if (item.when().isPresent() && !item.when().get().test(context)) {
        continue;
      }
      long quantity = item.quantity().isEmpty() ? 1 : quantity(item, context);
      long amount = Math.multiplyExact(quantity, item.unitPence());
      total = Math.addExact(total, amount);
      lines.add(new FeeLine(item.id(), item.label(), item.labelWelsh(), quantity, item.unitPence(), amount));
    }
    for (Discount d : discounts) {
      if (d.when().isPresent() && !d.when().get().test(context)) {
        continue;
      }
      long off = discountOff(total, d.percentOff());
      if (off == 0) {
        continue;
      }
      total -= off;
      lines.add(new FeeLine(d.id(), d.label(), d.labelWelsh(), 1, off, -off));
    }
    if (total > PaymentRequest.MAX_AMOUNT_PENCE) {
      throw new FeeCalculationException("the fee comes to " + total + " pence, more than GOV.UK Pay's limit of "
          + PaymentRequest.MAX_AMOUNT_PENCE);
    }
    return new Fee(lines, total);
  }

  /**
   * The pence a discount takes off a running total: {@code ceil(total × percent / 100)}, so the
   * charge left is rounded down to the penny.
   *
   * @param totalPence the running total, at least 0
   * @param percentOff the percentage, 0 to 100
   * @return the pence taken off, from 0 to {@code totalPence}
   */
  public static long discountOff(long totalPence, BigDecimal percentOff) {
    return BigDecimal.valueOf(totalPence).multiply(percentOff).divide(HUNDRED, 0, RoundingMode.CEILING)
        .longValueExact();
  }

  private static long quantity(Item item, ConditionContext context) {
    String path = item.quantity().get();
    Optional<Value> v = context.resolve(List.of(path.split("\\.")));
    if (v.isEmpty()) {
      throw new FeeCalculationException("fee item \"" + item.id() + "\" counts \"" + path
          + "\", which is not answered: make the question required, or give the item a \"when\"");
    }
    long q;
    Value value = v.get();
    if (value instanceof Value.Decimal d) {
      BigDecimal n = d.value().stripTrailingZeros();
      if (n.scale() > 0 || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(item.maxQuantity())) > 0) {
        throw new FeeCalculationException("fee item \"" + item.id() + "\" counts \"" + path
            + "\", which must be a whole number from 0 to " + item.maxQuantity());
      }
      q = n.longValueExact();
    } else if (value instanceof Value.Items list) {
      q = list.values().size();
    } else if (value instanceof Value.Bool b) {
      q = b.value() ? 1 : 0;
    } else {
      throw new FeeCalculationException("fee item \"" + item.id() + "\" counts \"" + path + "\", a "
          + value.typeName() + " answer: it must be a number, a list or yes/no");
    }
    if (q > item.maxQuantity()) {
      throw new FeeCalculationException("fee item \"" + item.id() + "\" counts " + q + " entries of \"" + path
          + "\", more than its max_quantity of " + item.maxQuantity());
    }
    return q;
  }

  /**
   * Problems with these rules given the answer keys a form has: a quantity or condition that reads
   * an answer no question writes (most often a typo). Paths under {@code journey.} are not checked.
   *
   * @param answerKeys every answer key the journey's steps write
   * @return the problems, empty when there are none
   */
  public List<FeeProblem> lint(Set<String> answerKeys) {
    List<FeeProblem> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String where = "items[" + i + "]";
      it.quantity().ifPresent(q -> {
        String key = answerKey(List.of(q.split("\\.")));
        if (key != null && !answerKeys.contains(key)) {
          out.add(new FeeProblem(where + ".quantity", "\"" + q + "\" is not an answer any step writes"));
        }
      });
      it.when().ifPresent(c -> unknownPaths(c, answerKeys, where + ".when", out));
    }
    for (int i = 0; i < discounts.size(); i++) {
      int at = i;
      discounts.get(i).when().ifPresent(c -> unknownPaths(c, answerKeys, "discounts[" + at + "].when", out));
    }
    return out;
  }

  private static void unknownPaths(Condition c, Set<String> answerKeys, String where, List<FeeProblem> out) {
    for (Operand.Path p : c.references()) {
      String key = answerKey(p.segments());
      if (key != null && !answerKeys.contains(key)) {
        out.add(new FeeProblem(where, "\"" + String.join(".", p.segments()) + "\" is not an answer any step writes"));
      }
    }
  }

  /** The answer key a path reads, or null for a journey attribute. */
  private static String answerKey(List<String> segments) {
    if (segments.size() >= 2 && segments.get(0).equals("journey")) {
      return null;
    }
    if (segments.size() >= 2 && segments.get(0).equals("answers")) {
      return segments.get(1);
    }
    return segments.get(0);
  }

  // ---- JSON ----------------------------------------------------------------------------------

  /**
   * Every problem in a JSON fee rules document, each with where it is; empty when it can be used.
   *
   * @param json the document
   * @return the problems, in document order
   */
  public static List<FeeProblem> lint(String json) {
    List<FeeProblem> problems = new ArrayList<>();
    parse(json, problems);
    return problems;
  }

  /**
   * Reads fee rules from JSON.
   *
   * @param json the document (see the class description)
   * @return the rules
   * @throws FeeRulesException listing every problem, each with where it is
   */
  public static FeeRules fromJson(String json) {
    List<FeeProblem> problems = new ArrayList<>();
    FeeRules rules = parse(json, problems);
    if (!problems.isEmpty() || rules == null) {
      throw new FeeRulesException(problems);
    }
    return rules;
  }

  private static FeeRules parse(String json, List<FeeProblem> problems) {
    Objects.requireNonNull(json, "json");
    if (json.length() > 100_000) {
      problems.add(new FeeProblem("$", "the document is longer than 100,000 characters"));
      return null;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(new FeeProblem("$", "not JSON: " + e.getOriginalMessage()));
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(new FeeProblem("$", "the document must be a JSON object"));
      return null;
    }
    unknownFields(root, "$", Set.of("items", "discounts"), problems);
    List<Item> items = new ArrayList<>();
    List<Discount> discounts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode itemsNode = root.get("items");
    if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
      problems.add(new FeeProblem("items", "there must be a list of at least one item"));
    } else {
      for (int i = 0; i < itemsNode.size(); i++) {
        String where = "items[" + i + "]";
        JsonNode n = itemsNode.get(i);
        if (!n.isObject()) {
          problems.add(new FeeProblem(where, "an item must be an object"));
          continue;
        }
        unknownFields(n, where, Set.of("id", "label", "label_cy", "unit_pence", "quantity", "max_quantity", "when"),
            problems);
        int before = problems.size();
        String id = text(n, "id", where, true, problems);
        String label = text(n, "label", where, true, problems);
        Optional<String> cy = Optional.ofNullable(text(n, "label_cy", where, false, problems));
        long unit = whole(n, "unit_pence", where, true, 0, problems);
        Optional<String> quantity = Optional.ofNullable(text(n, "quantity", where, false, problems));
        long max = n.has("max_quantity") ? whole(n, "max_quantity", where, true, 0, problems) : DEFAULT_MAX_QUANTITY;
        Optional<Condition> when = condition(n, where, problems);
        if (problems.size() == before) {
          checkItem(where, id, label, cy, unit, quantity, max, problems);
        }
        if (problems.size() == before) {
          if (!ids.add(id)) {
            problems.add(new FeeProblem(where + ".id", "\"" + id + "\" is used twice"));
          } else {
            items.add(new Item(id, label, cy, unit, quantity, max, when));
          }
        }
      }
    }
    JsonNode discountsNode = root.get("discounts");
    if (discountsNode != null && !discountsNode.isArray()) {
      problems.add(new FeeProblem("discounts", "discounts must be a list"));
    } else if (discountsNode != null) {
      for (int i = 0; i < discountsNode.size(); i++) {
        String where = "discounts[" + i + "]";
        JsonNode n = discountsNode.get(i);
        if (!n.isObject()) {
          problems.add(new FeeProblem(where, "a discount must be an object"));
          continue;
        }
        unknownFields(n, where, Set.of("id", "label", "label_cy", "percent_off", "when"), problems);
        int before = problems.size();
        String id = text(n, "id", where, true, problems);
        String label = text(n, "label", where, true, problems);
        Optional<String> cy = Optional.ofNullable(text(n, "label_cy", where, false, problems));
        JsonNode p = n.get("percent_off");
        BigDecimal percent = null;
        if (p == null || !p.isNumber()) {
          problems.add(new FeeProblem(where + ".percent_off", "must be a number"));
        } else {
          percent = p.decimalValue();
        }
        Optional<Condition> when = condition(n, where, problems);
        if (problems.size() == before) {
          checkDiscount(where, id, label, cy, percent, problems);
        }
        if (problems.size() == before) {
          if (!ids.add(id)) {
            problems.add(new FeeProblem(where + ".id", "\"" + id + "\" is used twice"));
          } else {
            discounts.add(new Discount(id, label, cy, percent, when));
          }
        }
      }
    }
    return problems.isEmpty() ? new FeeRules(items, discounts) : null;
  }

  private static void unknownFields(JsonNode n, String where, Set<String> known, List<FeeProblem> problems) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problems.add(new FeeProblem(where, "unknown field \"" + abbreviate(f) + "\"; expected one of " + known.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode n, String field, String where, boolean required, List<FeeProblem> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(new FeeProblem(where + "." + field, "is required"));
      }
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new FeeProblem(where + "." + field, "must be text"));
      return null;
    }
    return v.asText();
  }

  private static long whole(JsonNode n, String field, String where, boolean required, long fallback,
      List<FeeProblem> problems) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      if (required) {
        problems.add(new FeeProblem(where + "." + field, "must be a whole number"));
      }
      return fallback;
    }
    return v.asLong();
  }

  private static Optional<Condition> condition(JsonNode n, String where, List<FeeProblem> problems) {
    JsonNode v = n.get("when");
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      problems.add(new FeeProblem(where + ".when", "must be a condition, as text"));
      return Optional.empty();
    }
    try {
      return Optional.of(Condition.parse(v.asText()));
    } catch (ConditionSyntaxException e) {
      problems.add(new FeeProblem(where + ".when", e.getMessage()));
      return Optional.empty();
    }
  }

  private static void checkItem(String where, String id, String label, Optional<String> labelWelsh, long unitPence,
      Optional<String> quantity, long maxQuantity, List<FeeProblem> p) {
    checkCommon(where, id, label, labelWelsh, p);
    if (unitPence < 0 || unitPence > PaymentRequest.MAX_AMOUNT_PENCE) {
      p.add(new FeeProblem(where + ".unit_pence", "must be 0 to " + PaymentRequest.MAX_AMOUNT_PENCE + ", but was " + unitPence));
    }
    Objects.requireNonNull(quantity, "quantity");
    quantity.ifPresent(q -> {
      if (!q.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*") || q.length() > 200) {
        p.add(new FeeProblem(where + ".quantity", "must be an answer path such as \"bins\" or \"journey.bins\", but was \""
            + abbreviate(q) + "\""));
      }
    });
    if (maxQuantity < 1 || maxQuantity > 10_000) {
      p.add(new FeeProblem(where + ".max_quantity", "must be 1 to 10000, but was " + maxQuantity));
    }
  }

  private static void checkDiscount(String where, String id, String label, Optional<String> labelWelsh,
      BigDecimal percent, List<FeeProblem> p) {
    checkCommon(where, id, label, labelWelsh, p);
    Objects.requireNonNull(percent, "percentOff");
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
      p.add(new FeeProblem(where + ".percent_off", "must be more than 0 and at most 100, with at most 2 decimal places,"
          + " but was " + percent.toPlainString()));
    }
  }

  private static void checkCommon(String where, String id, String label, Optional<String> labelWelsh,
      List<FeeProblem> p) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(labelWelsh, "labelWelsh");
    if (!id.matches(ID)) {
      p.add(new FeeProblem(where + ".id", "must be 1 to 63 lower-case letters, digits, hyphens and underscores, but was \""
          + abbreviate(id) + "\""));
    }
    if (label.isBlank() || label.length() > 200) {
      p.add(new FeeProblem(where + ".label", "must be 1 to 200 characters, but was " + label.length()));
    }
    labelWelsh.ifPresent(cy -> {
      if (cy.isBlank() || cy.length() > 200) {
        p.add(new FeeProblem(where + ".label_cy", "must be 1 to 200 characters, but was " + cy.length()));
      }
    });
  }

  private static void throwFirst(List<FeeProblem> p) {
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(p.get(0).toString());
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /**
   * These rules as JSON, in the form {@link #fromJson} reads.
   *
   * @return the document
   */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode is = root.putArray("items");
    for (Item it : items) {
      ObjectNode n = is.addObject();
      n.put("id", it.id());
      n.put("label", it.label());
      it.labelWelsh().ifPresent(v -> n.put("label_cy", v));
      n.put("unit_pence", it.unitPence());
      it.quantity().ifPresent(v -> n.put("quantity", v));
      if (it.maxQuantity() != DEFAULT_MAX_QUANTITY) {
        n.put("max_quantity", it.maxQuantity());
      }
      it.when().ifPresent(c -> n.put("when", c.toString()));
    }
    if (!discounts.isEmpty()) {
      ArrayNode ds = root.putArray("discounts");
      for (Discount d : discounts) {
        ObjectNode n = ds.addObject();
        n.put("id", d.id());
        n.put("label", d.label());
        d.labelWelsh().ifPresent(v -> n.put("label_cy", v));
        n.put("percent_off", d.percentOff());
        d.when().ifPresent(c -> n.put("when", c.toString()));
      }
    }
    return root.toString();
  }

  @Override
  public String toString() {
    return "FeeRules[" + items.size() + " items, " + discounts.size() + " discounts]";
  }

  // ---- builder -------------------------------------------------------------------------------

  /** Starts fee rules in Java; each setting is checked as it is made. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link FeeRules}: add items and discounts in order; {@link #when}, {@link #welsh} and
   * {@link #maxQuantity} change the one added last.
   *
   * <pre>{@code
   * FeeRules fees = FeeRules.builder()
   *     .perUnit("bins", "Garden waste bin", 4500, "bins").welsh("Bin gwastraff gardd")
   *     .percentOff("concession", "Concession (half price)", 50).when("concession = true")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();
    private final List<Discount> discounts = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean lastIsItem;

    private Builder() {}

    /**
     * Adds a fixed charge.
     *
     * @param id a short id, unique within the rules
     * @param label what it is
     * @param pence the charge
     * @return this builder
     * @throws IllegalArgumentException naming the bad value
     */
    public Builder fixed(String id, String label, long pence) {
      return add(new Item(id, label, Optional.empty(), pence, Optional.empty(), DEFAULT_MAX_QUANTITY, Optional.empty()));
    }

    /**
     * Adds a price per unit, counted from an answer.
     *
     * @param id a short id, unique within the rules
     * @param label what one unit is
     * @param unitPence the price of one
     * @param quantityPath the answer path that counts the units
     * @return this builder
     * @throws IllegalArgumentException naming the bad value
     */
    public Builder perUnit(String id, String label, long unitPence, String quantityPath) {
      return add(new Item(id, label, Optional.empty(), unitPence, Optional.of(quantityPath), DEFAULT_MAX_QUANTITY,
          Optional.empty()));
    }

    /**
     * Adds a percentage discount.
     *
     * @param id a short id, unique within the rules
     * @param label what it is
     * @param percent how much to take off, more than 0 and at most 100
     * @return this builder
     * @throws IllegalArgumentException naming the bad value
     */
    public Builder percentOff(String id, String label, long percent) {
      return percentOff(id, label, BigDecimal.valueOf(percent));
    }

    /**
     * Adds a percentage discount.
     *
     * @param id a short id, unique within the rules
     * @param label what it is
     * @param percent how much to take off, more than 0 and at most 100, at most 2 decimal places
     * @return this builder
     * @throws IllegalArgumentException naming the bad value
     */
    public Builder percentOff(String id, String label, BigDecimal percent) {
      Discount d = new Discount(id, label, Optional.empty(), percent, Optional.empty());
      claim(id);
      discounts.add(d);
      lastIsItem = false;
      return this;
    }

    private Builder add(Item item) {
      if (!discounts.isEmpty()) {
        throw new IllegalStateException("add items before discounts: discounts apply to the items before them");
      }
      claim(item.id());
      items.add(item);
      lastIsItem = true;
      return this;
    }

    private void claim(String id) {
      if (!ids.add(id)) {
        throw new IllegalArgumentException("fee rule id \"" + id + "\" is used twice");
      }
    }

    /**
     * Makes the last item or discount apply only when a condition holds.
     *
     * @param condition the condition
     * @return this builder
     * @throws IllegalArgumentException if it does not parse (the message says where)
     */
    public Builder when(String condition) {
      Condition c;
      try {
        c = Condition.parse(condition);
      } catch (ConditionSyntaxException e) {
        throw new IllegalArgumentException("bad fee condition: " + e.getMessage(), e);
      }
      requireLast();
      if (lastIsItem) {
        Item i = items.remove(items.size() - 1);
        items.add(new Item(i.id(), i.label(), i.labelWelsh(), i.unitPence(), i.quantity(), i.maxQuantity(), Optional.of(c)));
      } else {
        Discount d = discounts.remove(discounts.size() - 1);
        discounts.add(new Discount(d.id(), d.label(), d.labelWelsh(), d.percentOff(), Optional.of(c)));
      }
      return this;
    }

    /**
     * Gives the last item or discount a Welsh label.
     *
     * @param label the label in Welsh
     * @return this builder
     */
    public Builder welsh(String label) {
      requireLast();
      if (lastIsItem) {
        Item i = items.remove(items.size() - 1);
        items.add(new Item(i.id(), i.label(), Optional.of(label), i.unitPence(), i.quantity(), i.maxQuantity(), i.when()));
      } else {
        Discount d = discounts.remove(discounts.size() - 1);
        discounts.add(new Discount(d.id(), d.label(), Optional.of(label), d.percentOff(), d.when()));
      }
      return this;
    }

    /**
     * Sets the largest quantity the last item accepts from its answer.
     *
     * @param max 1 to 10,000
     * @return this builder
     */
    public Builder maxQuantity(long max) {
      requireLast();
      if (!lastIsItem) {
        throw new IllegalStateException("maxQuantity applies to an item, but the last rule added is a discount");
      }
      Item i = items.remove(items.size() - 1);
      items.add(new Item(i.id(), i.label(), i.labelWelsh(), i.unitPence(), i.quantity(), max, i.when()));
      return this;
    }

    private void requireLast() {
      if (items.isEmpty() && discounts.isEmpty()) {
        throw new IllegalStateException("add an item or discount first");
      }
    }

    /**
     * Builds the rules.
     *
     * @return the rules
     * @throws IllegalStateException if there is no item
     */
    public FeeRules build() {
      if (items.isEmpty()) {
        throw new IllegalStateException("fee rules need at least one item");
      }
      return new FeeRules(items, discounts);
    }
  }
}
