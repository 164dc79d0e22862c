/**
 * CivicKit for Spring Boot: add {@code civickit-spring-boot-starter} and the CivicKit modules
 * you use, set {@code civickit.*} properties, and get their beans on the application's own
 * {@code DataSource}, mail settings and Micrometer registry.
 *
 * <p>Start with the properties: {@link io.civickit.spring.CivicKitProperties} (secrets and
 * schema), {@link io.civickit.spring.NotifyProperties} (channel and outbox),
 * {@link io.civickit.spring.OneLoginProperties}, and for the journey runner
 * {@link io.civickit.spring.WebProperties}, {@link io.civickit.spring.SubmitProperties},
 * {@link io.civickit.spring.PayProperties} and {@link io.civickit.spring.UploadProperties}. Each auto-configuration
 * ({@link io.civickit.spring.CivicKitStoresAutoConfiguration} and its siblings) applies only
 * when its module is on the class path, and each bean backs off when the application defines
 * its own. A missing or wrong setting stops the start with a
 * {@link io.civickit.spring.CivicKitConfigurationException} that says what to set.
 */
@NullMarked
package io.civickit.spring;

import org.jspecify.annotations.NullMarked;
