/** The {@code civickit} command. */
module io.civickit.cli {
  requires io.civickit.core;
  requires io.civickit.forms;
  requires io.civickit.notify;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  opens io.civickit.cli to info.picocli;

  exports io.civickit.cli;
}
