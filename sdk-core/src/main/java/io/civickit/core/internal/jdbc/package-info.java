/**
 * Internal: plain {@link javax.sql.DataSource}s from a JDBC URL for CivicKit's own commands and
 * embedded services ({@link io.civickit.core.internal.jdbc.DriverManagerDataSource}, and
 * {@link io.civickit.core.internal.jdbc.UrlDataSourceSupport} for a pool to build on). Exported only
 * to CivicKit's own modules; a council's application gives CivicKit its own pooled data source.
 */
@NullMarked
package io.civickit.core.internal.jdbc;

import org.jspecify.annotations.NullMarked;
