package io.civickit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a journey: the channel, who starts it, journey attributes and pre-filled answers.
 *
 * <pre>{@code
 * StartOptions.builder().channel(Channel.ONLINE).attribute("has_email", Value.bool(false))
 *     .prefill("postcode", Value.text("SW1A 1AA"), Actor.system("council-tax")).build();
 * }</pre>
 *
 * @param channel how the journey is being done; {@link Channel#ONLINE} unless set
 * @param actor who starts it; the person themselves unless set
 * @param attributes journey attributes, visible to conditions as {@code journey.<name>}
 * @param prefill answers seeded by the host app, by answer key
 * @param segment the segment, when the host app already knows it; empty leaves it to the segment
 *     rules
 */
public record StartOptions(Channel channel, Actor actor, Map<String, Value> attributes, Map<String, Answer> prefill,
    Optional<String> segment) {

  /**
   * Checks the components and takes unmodifiable copies of the maps.
   *
   * @throws NullPointerException if any component is null, or either map holds a null key or value
   */
  public StartOptions {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(actor, "actor");
    attributes = Map.copyOf(attributes);
    prefill = Map.copyOf(prefill);
    Objects.requireNonNull(segment, "segment");
  }

  /** Online, by the person, with nothing pre-filled. */
  public static StartOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults: online, by the person, with no attributes, pre-filled
   * answers or segment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link StartOptions}. */
  public static final class Builder {
    private Channel channel = Channel.ONLINE;
    private Actor actor = Actor.citizen();
    private final Map<String, Value> attributes = new LinkedHashMap<>();
    private final Map<String, Answer> prefill = new LinkedHashMap<>();
    private Optional<String> segment = Optional.empty();

    private Builder() {}

    /**
     * How the journey is being done. Setting an adviser as the {@link #actor(Actor) actor} afterwards
     * changes {@link Channel#ONLINE} to {@link Channel#ASSISTED_DIGITAL}.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /** Who starts it; an adviser makes the journey assisted digital. */
    public Builder actor(Actor actor) {
      this.actor = Objects.requireNonNull(actor, "actor");
      if (actor.kind() == Actor.Kind.ADVISER && channel == Channel.ONLINE) {
        channel = Channel.ASSISTED_DIGITAL;
      }
      return this;
    }

    /** A journey attribute, visible to conditions as {@code journey.<name>}. */
    public Builder attribute(String name, Value value) {
      attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** An answer seeded by the host app, marked as pre-filled and supplied by {@code source}. */
    public Builder prefill(String key, Value value, Actor source) {
      prefill.put(Objects.requireNonNull(key, "key"), Answer.prefilled(value, source));
      return this;
    }

    /** The segment, when the host app already knows it (segment rules can also assign it). */
    public Builder segment(String segment) {
      this.segment = Optional.of(segment);
      return this;
    }

    /**
     * The options set so far. The builder can be used again afterwards.
     *
     * @return the options
     */
    public StartOptions build() {
      return new StartOptions(channel, actor, attributes, prefill, segment);
    }
  }
}
