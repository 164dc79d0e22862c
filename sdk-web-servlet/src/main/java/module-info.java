/** CivicKit web for Jakarta Servlet 6: serves a {@code JourneyRunner} in Tomcat, Jetty, Undertow or a Spring MVC app. */
module io.civickit.web.servlet {
  requires transitive io.civickit.web;
  requires transitive jakarta.servlet;
  requires static org.jspecify;

  exports io.civickit.web.servlet;
}
