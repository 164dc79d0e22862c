package io.civickit.web;

import java.util.Optional;

/**
 * A person's server-side session: a few short values (the journey id, the language, the CSRF
 * token, a signed-in adviser), never answers. Kept in the database as a hash of its id, so any
 * instance serves it; saved at the end of the request when changed.
 */
public interface Session {
  /**
   * A value.
   *
   * @param key the key
   * @return the value, if set
   */
  Optional<String> get(String key);

  /**
   * Sets a value.
   *
   * @param key the key (at most 64 characters)
   * @param value the value (at most 512 characters)
   */
  void put(String key, String value);

  /**
   * Removes a value.
   *
   * @param key the key
   */
  void remove(String key);

  /**
   * Gives the session a new id and CSRF token, keeping its values: call it whenever the person
   * proves who they are (sign-in, an email code), so an id planted before is worth nothing.
   */
  void rotate();
}
