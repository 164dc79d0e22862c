/** CivicKit web for Javalin: serves a {@code JourneyRunner} from a Javalin 7 app, as a plugin. */
module io.civickit.web.javalin {
  requires transitive io.civickit.web;
  requires io.civickit.web.servlet;
  requires transitive io.javalin;
  requires static org.jspecify;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.util;
  requires jakarta.servlet;

  exports io.civickit.web.javalin;
}
