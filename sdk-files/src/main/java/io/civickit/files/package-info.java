/**
 * File upload, end to end. Start with {@link io.civickit.files.Uploads}: build one with a
 * {@link io.civickit.files.FileStore} and a {@link io.civickit.files.VirusScanner}, give it
 * {@link io.civickit.files.UploadRules} per question, and call
 * {@link io.civickit.files.Uploads#receive} for each file a person sends. Its
 * {@link io.civickit.files.UploadResult} says whether the file was stored, refused (with the
 * GOV.UK message in English and Welsh) or held because the scanner could not be reached.
 * {@link io.civickit.files.FileRef} is what travels with the submission.
 */
@NullMarked
package io.civickit.files;

import org.jspecify.annotations.NullMarked;
