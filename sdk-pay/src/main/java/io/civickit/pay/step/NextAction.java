package io.civickit.pay.step;

/** What a payment outcome page offers the person next, following the GOV.UK pattern. */
public enum NextAction {
  /** Continue: the payment is done and the journey has moved on. */
  CONTINUE,
  /** Pay: no payment has been started. */
  PAY,
  /** Try again: start a new payment (a new one is created; the failed one is never reused). */
  TRY_AGAIN,
  /** Get help: offer the council's contact details or an assisted channel (handoff). */
  GET_HELP,
  /** Wait: the payment is still being processed; check again shortly (the page may refresh). */
  WAIT
}
