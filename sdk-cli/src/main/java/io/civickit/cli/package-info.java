/**
 * The {@code civickit} command: preview a Notify-compatible template, lint and render a form,
 * report KPIs from a database, and rotate the key ring's data encryption
 * ({@code civickit keys rotate}).
 *
 * <p><b>Start here:</b> run {@code java -jar civickit.jar --help}; each subcommand
 * ({@link io.civickit.cli.TemplateCommand}, {@link io.civickit.cli.FormCommand},
 * {@link io.civickit.cli.KpiCommand}, {@link io.civickit.cli.KeysCommand}) says its options with
 * {@code --help}. {@link io.civickit.cli.CivicKitCommand#run(String...)} runs it from Java.
 */
package io.civickit.cli;

