package io.civickit.core.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where a handoff goes: a fallback chain of channels per segment, each channel with its
 * opening hours. Channels are tried in order; a channel outside its hours is skipped without
 * being called, and one that answers {@link HandoffResult.Closed} or {@link HandoffResult.Failed}
 * (or throws) passes the request to the next. The first {@link HandoffResult.Accepted} wins.
 *
 * <pre>{@code
 * HandoffRouter router = HandoffRouter.builder().clock(clock)
 *     .channel(webChat, chatHours)
 *     .channel(callbacks.channel(), contactCentreHours)
 *     .channel(crmCase)
 *     .channel(HandoffChannels.phone("0300 123 4567", contactCentreHours, clock))
 *     .defaultRoute("web-chat", "callback", "crm-case", "phone")
 *     .route("over-75-no-email", "callback", "phone")
 *     .build();
 * }</pre>
 */
public final class HandoffRouter {
  private static final Logger LOG = LoggerFactory.getLogger(HandoffRouter.class);

  /**
   * The outcome of routing one request.
   *
   * @param result the accepting channel's result, or the last refusal when none accepted
   * @param attempts every channel's answer in the order tried, the accepting one last
   */
  public record Routed(HandoffResult result, List<HandoffResult> attempts) {
    /** Copies the attempts. */
    public Routed {
      Objects.requireNonNull(result, "result");
      attempts = List.copyOf(attempts);
    }

    /** True if a channel accepted the request. */
    public boolean accepted() {
      return result instanceof HandoffResult.Accepted;
    }
  }

  private record Entry(HandoffChannel channel, OpeningHours hours) {}

  private final Clock clock;
  private final Map<String, Entry> channels;
  private final Map<String, List<String>> routes;
  private final List<String> defaultRoute;

  private HandoffRouter(Builder b) {
    this.clock = b.clock;
    this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(b.channels));
    Map<String, List<String>> r = new LinkedHashMap<>();
    b.routes.forEach((k, v) -> r.put(k, List.copyOf(v)));
    this.routes = Collections.unmodifiableMap(r);
    this.defaultRoute = List.copyOf(b.defaultRoute);
  }

  /**
   * Starts a router timed by the system clock (UTC) until {@link Builder#clock} says otherwise.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(Clock.systemUTC());
  }

  /**
   * Starts a router timed by {@code clock} (opening hours are checked against it).
   *
   * @param clock the clock
   * @return the builder
   * @deprecated use {@code builder().clock(clock)}: the clock is an optional setting everywhere
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** The names of the channels tried, in order, for a person in this segment. */
  public List<String> chainFor(Optional<String> segment) {
    return segment.map(routes::get).orElse(defaultRoute);
  }

  /** The opening hours of a channel. */
  public Optional<OpeningHours> hoursOf(String channelName) {
    return Optional.ofNullable(channels.get(channelName)).map(Entry::hours);
  }

  /** Tries the request's chain until a channel accepts. */
  public Routed route(HandoffRequest request) {
    List<String> chain = chainFor(request.segment());
    if (chain == null) {
      chain = defaultRoute;
    }
    List<HandoffResult> attempts = new ArrayList<>();
    Instant now = clock.instant();
    for (String name : chain) {
      Entry e = channels.get(name);
      HandoffResult r;
      if (!e.hours().isOpen(now)) {
        r = new HandoffResult.Closed(name, "outside opening hours", e.hours().nextOpening(now));
      } else {
        try {
          r = Objects.requireNonNull(e.channel().handOff(request), "a channel returned null");
        } catch (RuntimeException ex) {
          // A supplier's channel must not lose the person: treat a fault as a failure and move on.
          LOG.warn("handoff channel {} threw {} for handoff {}: trying the next channel", name,
              ex.getClass().getSimpleName(), request.handoffId());
          r = new HandoffResult.Failed(name, "the channel threw " + ex.getClass().getSimpleName());
        }
      }
      attempts.add(r);
      if (r instanceof HandoffResult.Accepted) {
        return new Routed(r, attempts);
      }
      LOG.info("handoff {} not taken by {}: {}", request.handoffId(), name,
          r instanceof HandoffResult.Closed c ? "closed, " + c.why() : ((HandoffResult.Failed) r).why());
    }
    HandoffResult last = attempts.isEmpty() ? new HandoffResult.Failed("none", "no channels configured")
        : attempts.get(attempts.size() - 1);
    return new Routed(last, attempts);
  }

  /** Builds a {@link HandoffRouter}. */
  public static final class Builder {
    private Clock clock;
    private final Map<String, Entry> channels = new LinkedHashMap<>();
    private final Map<String, List<String>> routes = new LinkedHashMap<>();
    private List<String> defaultRoute = List.of();

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The clock opening hours are checked against (the system clock, UTC, unless set).
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds a channel that is always open (a team inbox, a case queue, the phone-number message). */
    public Builder channel(HandoffChannel channel) {
      return channel(channel, OpeningHours.always());
    }

    /** Adds a channel that is staffed in these hours; outside them it is skipped. */
    public Builder channel(HandoffChannel channel, OpeningHours hours) {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(hours, "hours");
      String name = channel.name();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a handoff channel needs a name");
      }
      if (channels.putIfAbsent(name, new Entry(channel, hours)) != null) {
        throw new IllegalArgumentException("handoff channel \"" + name + "\" was added twice");
      }
      return this;
    }

    /** The fallback chain for everyone without a route of their own (required). */
    public Builder defaultRoute(String... channelNames) {
      this.defaultRoute = List.of(channelNames);
      return this;
    }

    /** The fallback chain for one segment. */
    public Builder route(String segment, String... channelNames) {
      Objects.requireNonNull(segment, "segment");
      if (routes.put(segment, List.of(channelNames)) != null) {
        throw new IllegalArgumentException("the route for segment \"" + segment + "\" was set twice");
      }
      return this;
    }

    /**
     * Builds the router.
     *
     * @throws IllegalStateException if there is no default route, a route is empty, or a route
     *     names a channel that was not added
     */
    public HandoffRouter build() {
      if (defaultRoute.isEmpty()) {
        throw new IllegalStateException("a handoff router needs a default route: call defaultRoute(...)");
      }
      check("the default route", defaultRoute);
      routes.forEach((segment, chain) -> {
        if (chain.isEmpty()) {
          throw new IllegalStateException("the route for segment \"" + segment + "\" has no channels");
        }
        check("the route for segment \"" + segment + "\"", chain);
      });
      return new HandoffRouter(this);
    }

    private void check(String what, List<String> chain) {
      for (String name : chain) {
        if (!channels.containsKey(name)) {
          throw new IllegalStateException(what + " names channel \"" + name + "\", which was not added; added: "
              + channels.keySet());
        }
      }
    }
  }
}
