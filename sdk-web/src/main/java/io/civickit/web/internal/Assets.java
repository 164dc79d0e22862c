package io.civickit.web.internal;

import io.civickit.core.StorageUnavailableException;
import io.civickit.web.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Static files under {@code /assets/}: the runner's own, then GOV.UK Frontend's from its webjar
 * (its CSS, its JavaScript module, fonts and images) and the accessible autocomplete's script and
 * styles from theirs, then a host's from
 * {@code /io/civickit/web/host-assets/} on the class path. Names are checked against a strict
 * pattern, so nothing outside those folders can be named.
 */
final class Assets {
  private static final String WEBJAR = "/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";
  private static final String OWN = "/io/civickit/web/assets/";
  /** The Design System's accessible autocomplete (its script bundles Preact), for long selects. */
  private static final String AUTOCOMPLETE = "/META-INF/resources/webjars/accessible-autocomplete/2.0.4/dist/";
  /** Where a host puts its own files (a logo, a stylesheet with its colours). */
  static final String HOST = "/civickit/assets/";
  private static final ConcurrentMap<String, Optional<byte[]>> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  /**
   * An asset, by its path under {@code /assets/}; a stylesheet's {@code url(/assets/...)} (GOV.UK
   * Frontend's fonts and images) put under the base path.
   */
  static Optional<WebResponse> serve(String path, Paths paths) {
    if (!path.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*") || path.contains("..")
        || path.length() > 200) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = CACHE.computeIfAbsent(paths.basePath() + " " + path, k -> load(path)
        .map(b -> path.endsWith(".css") && !paths.basePath().equals("/") ? new String(b, StandardCharsets.UTF_8)
            .replace("url(/assets/", "url(" + paths.to("/assets/")).getBytes(StandardCharsets.UTF_8) : b));
    return bytes.map(b -> new WebResponse(200, List.of(new WebResponse.Header("Content-Type", contentType(path)),
        new WebResponse.Header("Cache-Control", "public, max-age=3600")), b));
  }

  private static Optional<byte[]> load(String path) {
    String[] candidates = {OWN + path, WEBJAR + "assets/" + path,
        path.startsWith("govuk-frontend.min.") ? WEBJAR + path : null,
        path.equals("accessible-autocomplete.min.js") || path.equals("accessible-autocomplete.min.css")
            ? AUTOCOMPLETE + path : null,
        HOST + path};
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      InputStream found = Assets.class.getResourceAsStream(c);
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (found == null && context != null) {
        found = context.getResourceAsStream(c.substring(1));
      }
      if (found != null) {
        try (InputStream in = found) {
          return Optional.of(in.readAllBytes());
        } catch (IOException e) {
          throw new StorageUnavailableException("the class path", "read the asset " + c, e);
        }
      }
    }
    return Optional.empty();
  }

  private static String contentType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    switch (ext) {
      case "css": return "text/css; charset=utf-8";
      case "js": case "mjs": return "text/javascript; charset=utf-8";
      case "woff2": return "font/woff2";
      case "woff": return "font/woff";
      case "svg": return "image/svg+xml";
      case "png": return "image/png";
      case "ico": return "image/x-icon";
      case "json": return "application/json";
      default: return "application/octet-stream";
    }
  }
}
