// Turns each select that sdk-forms marks with data-module="civickit-autocomplete" into the GOV.UK
// Design System's accessible autocomplete (alphagov/accessible-autocomplete): the person types and
// the options are filtered. The library and its styles are loaded from the same folder as this
// file, and only on a page that has such a select. Without JavaScript, or if the library does not
// load, the select stays as it is and still works; the server validates the answer the same way.

const WELSH = {
  tNoResults: () => 'Dim canlyniadau',
  tStatusQueryTooShort: (minQueryLength) => `Teipiwch ${minQueryLength} nod neu fwy i gael canlyniadau`,
  tStatusNoResults: () => 'Dim canlyniadau chwilio',
  tStatusSelectedOption: (option, length, index) => `${option} ${index + 1} o ${length} wedi’i amlygu`,
  // Welsh puts the singular noun after a number: "1 canlyniad", "5 canlyniad".
  tStatusResults: (length, selected) => `${length} canlyniad ar gael. ${selected}`,
  tAssistiveHint: () => 'Pan fydd canlyniadau ar gael, defnyddiwch y saethau i fyny ac i lawr i’w hadolygu a’r ' +
    'fysell Enter i ddewis. Gall defnyddwyr dyfeisiau cyffwrdd archwilio drwy gyffwrdd neu drwy droi bys.'
}

// Version 2.0.4 (the one on Maven Central) predates two ARIA 1.2 fixes that later versions of the
// library made: the combobox names its list with aria-controls, and the faded "type-ahead" copy of
// the text box, which is only decoration, is hidden from assistive technology. Made here, each
// time the library redraws.
function ariaFixes (wrapper, id) {
  const fix = () => {
    const input = document.getElementById(id)
    if (input && input.getAttribute('aria-controls') !== id + '__listbox') {
      input.setAttribute('aria-controls', id + '__listbox')
    }
    wrapper.querySelectorAll('.autocomplete__hint:not([aria-hidden])').forEach((hint) => {
      hint.setAttribute('aria-hidden', 'true')
    })
  }
  fix()
  new MutationObserver(fix).observe(wrapper, { childList: true, subtree: true })
}

function enhance (select) {
  const id = select.id
  const texts = document.documentElement.lang === 'cy' ? WELSH : {}
  window.accessibleAutocomplete.enhanceSelectElement(Object.assign({
    selectElement: select,
    defaultValue: '',
    onConfirm: (label) => {
      const input = document.getElementById(id)
      const text = label === undefined ? (input ? input.value : '') : label
      const chosen = Array.prototype.find.call(select.options, (o) => o.value !== '' && o.textContent === text)
      // Nothing chosen (the box emptied, or words that match no option): the select has no answer
      // either, so the server asks for one, rather than keeping an earlier choice out of sight.
      select.value = chosen ? chosen.value : ''
    }
  }, texts))
  // the library puts its box in a new element just before the select
  ariaFixes(select.previousElementSibling, id)
}

export function enhanceAutocompletes () {
  const selects = document.querySelectorAll('select[data-module="civickit-autocomplete"]')
  if (selects.length === 0) {
    return
  }
  const css = document.createElement('link')
  css.rel = 'stylesheet'
  css.href = new URL('accessible-autocomplete.min.css', import.meta.url).href
  document.head.appendChild(css)
  const script = document.createElement('script')
  script.src = new URL('accessible-autocomplete.min.js', import.meta.url).href
  script.onload = () => selects.forEach(enhance)
  document.head.appendChild(script)
}
