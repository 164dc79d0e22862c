/**
 * The contract every {@link io.civickit.files.FileStore} must meet:
 * {@link io.civickit.test.files.FileStoreContract}. Extend it for a council's own store (object
 * storage, a document management system).
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.files.FileStoreContract} in a JUnit 5 test class of your store.
 */
@NullMarked
package io.civickit.test.files;

import org.jspecify.annotations.NullMarked;
