// The session timeout warning (WCAG 2.2.1, Timing Adjustable). The runner puts a <dialog> on each
// page of an application under way, with how long the session has left and when to warn; this
// opens it as a modal dialog that much before the end (the browser keeps focus inside it and the
// page behind it inert), counts down, and:
// - "Stay signed in" posts the dialog's form (with its CSRF token) in the background, which keeps
//   the session, then closes the dialog and gives focus back where it was; Escape does the same;
// - when the time is up, goes to the "You have been signed out" page.
// Without JavaScript there is no dialog, and the page after the session ends says so.

const GRACE = 3000

function words (dialog, n, one, many) {
  return n + ' ' + (n === 1 ? dialog.dataset[one] : dialog.dataset[many])
}

function remaining (dialog, ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  if (seconds >= 60) {
    return words(dialog, Math.ceil(seconds / 60), 'minute', 'minutes')
  }
  return words(dialog, seconds, 'second', 'seconds')
}

export function startTimeoutWarning () {
  const dialog = document.querySelector('dialog[data-module="civickit-timeout"]')
  if (!dialog || typeof dialog.showModal !== 'function' || typeof window.fetch !== 'function') {
    return
  }
  const warning = Number(dialog.dataset.warningSeconds) * 1000
  const signedOut = dialog.dataset.signedOut + (document.documentElement.lang === 'cy' ? '?lang=cy' : '')
  const form = dialog.querySelector('form')
  const countdown = dialog.querySelector('.ck-timeout__countdown')
  const announce = dialog.querySelector('.ck-timeout__announce')
  const text = dialog.querySelector('#ck-timeout-text')
  const idle = Number(dialog.dataset.secondsLeft) * 1000
  let deadline = Date.now() + idle
  let returnFocus = null
  let announced = ''

  function show (left) {
    const now = remaining(dialog, left)
    countdown.textContent = now
    // screen readers hear the time when it changes by a minute (or under a minute, once), not every second
    const spoken = left >= 60000 ? now : remaining(dialog, 59000)
    if (spoken !== announced) {
      announced = spoken
      announce.textContent = text.textContent
    }
  }

  function tick () {
    const left = deadline - Date.now()
    // a few seconds' grace, so the session has surely ended on the server when the page is asked for
    // (asking any page of a live session would keep it going)
    if (left <= -GRACE) {
      window.location.assign(signedOut)
      return
    }
    if (left <= warning && !dialog.open) {
      returnFocus = document.activeElement
      show(left)
      dialog.showModal()
    } else if (dialog.open) {
      show(left)
    }
    window.setTimeout(tick, 1000)
  }

  function stay () {
    const body = new URLSearchParams(new FormData(form))
    body.set('js', '1')
    window.fetch(form.action, { method: 'POST', body, credentials: 'same-origin' }).then((response) => {
      if (response.status === 204) {
        deadline = Date.now() + idle
        announced = ''
        dialog.close()
        if (returnFocus && typeof returnFocus.focus === 'function') {
          returnFocus.focus()
        }
      } else {
        // the session had already ended (the answer is the signed-out page), or something failed
        window.location.assign(signedOut)
      }
    }, () => form.submit())
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    stay()
  })
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    stay()
  })
  window.setTimeout(tick, 1000)
}
