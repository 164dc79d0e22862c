/**
 * Notify-compatible templates: the GOV.UK Notify template language (placeholders, conditional
 * text, lists, its markdown subset and typography), English and Welsh versions managed as one
 * template, and the SMS character and fragment rules.
 *
 * <p>The entry point is {@link io.civickit.notify.template.Templates}, a registry that
 * implements {@link io.civickit.notify.MessageRenderer}:
 *
 * <pre>{@code
 * Templates templates = Templates.builder()
 *     .email("confirmation", "Your reference is ((reference))", "Dear ((name)),\n\nThank you.")
 *     .welsh("Eich cyfeirnod yw ((reference))", "Annwyl ((name)),\n\nDiolch.")
 *     .sms("reminder", "Your appointment is on ((date)).")
 *     .build();
 * RenderedMessage message = templates.render(request);
 * }</pre>
 *
 * <p><b>Start here:</b> {@link io.civickit.notify.template.Templates#builder()}, as above.
 */
@NullMarked
package io.civickit.notify.template;

import org.jspecify.annotations.NullMarked;
