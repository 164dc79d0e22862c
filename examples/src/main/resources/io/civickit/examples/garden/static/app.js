// Starts GOV.UK Frontend. Loaded as a module from /assets, so the Content-Security-Policy needs
// no 'unsafe-inline': this replaces the inline snippet of the GOV.UK page template.
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
