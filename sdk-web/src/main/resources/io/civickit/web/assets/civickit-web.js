// Starts GOV.UK Frontend (conditional reveals, character counts, error summary focus), the
// accessible autocomplete on long selects and the session timeout warning. Loaded as a module
// file, so the Content-Security-Policy needs no 'unsafe-inline'. Pages work without it.
// Imported relative to this file, so it works under any base path.
import { initAll } from './govuk-frontend.min.js'
import { enhanceAutocompletes } from './civickit-autocomplete.js'
import { startTimeoutWarning } from './civickit-timeout.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
enhanceAutocompletes()
startTimeoutWarning()
