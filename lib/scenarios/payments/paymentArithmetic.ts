/**
 * The paper arithmetic of payment retries: what `simulatePayments` should measure when
 * the only failures are lost messages (every reply that is not lost arrives before the
 * client's timeout, stored keys do not expire).
 *
 * Each attempt's request is lost with probability q (no charge), else the server
 * charges and its reply is lost with probability p. An attempt is confirmed with
 * probability s = (1 − q)(1 − p), and the client tries until a confirmation or
 * `maxAttempts` = n attempts. Attempts are independent, so the number of charges C
 * (attempts that reached the server) has an exact distribution, computed here by
 * walking the attempts (O(n²)). Without keys every charge counts; with keys only the
 * first does. Duplicate charges per payment are max(0, C − 1); with responses lost
 * alone (q = 0) their mean is p + p² + … + p^(n−1).
 *
 * Keys change nothing else: a replayed confirmation is lost as easily as the first,
 * so the chance that a payment fails, (1 − s)^n, and that it fails although it was
 * charged, (1 − s)^n − q^n, are the same with and without keys.
 */
import * as check from '../../validate';

/** Options of `paymentArithmetic`. */
export interface PaymentArithmeticOptions {
  /** Share of requests lost before the server (in [0, 1]). */
  requestLossRate: number;
  /** Share of replies lost after the server charged (in [0, 1]). */
  responseLossRate: number;
  /** Attempts per payment, the first included (an integer in [1, 100]). */
  maxAttempts: number;
  /** Whether the server deduplicates by idempotency key. */
  idempotencyKeys: boolean;
}

/** The keys of `PaymentArithmeticOptions`. */
export const PAYMENT_ARITHMETIC_KEYS: readonly (keyof PaymentArithmeticOptions)[] = ['requestLossRate', 'responseLossRate', 'maxAttempts', 'idempotencyKeys'];

/** Expectations per payment (multiply by the number of payments for a run's totals). */
export interface PaymentArithmetic {
  /** Probability that one attempt ends without a confirmation: q + (1 − q)·p. */
  attemptFailure: number;
  /** Expected attempts sent. */
  attempts: number;
  /** Expected charges. */
  charges: number;
  /** Expected duplicate charges, E[max(0, C − 1)] (0 with keys). */
  duplicateCharges: number;
  /** Standard deviation of one payment's duplicate charges (for error bars: sd·√payments on a total). */
  duplicateChargesSd: number;
  /** Probability that the client gives up without a confirmation. */
  failed: number;
  /** Probability that it gives up although the card was charged. */
  chargedButFailed: number;
}

/** The exact expectations of one payment (see the module header). */
export function paymentArithmetic(opts: PaymentArithmeticOptions): PaymentArithmetic {
  check.options('paymentArithmetic', opts, PAYMENT_ARITHMETIC_KEYS);
  const q = check.probability('requestLossRate', opts.requestLossRate);
  const p = check.probability('responseLossRate', opts.responseLossRate);
  const n = check.integer('maxAttempts', opts.maxAttempts, 1, 100);
  const keys = check.flag('idempotencyKeys', opts.idempotencyKeys);
  // trying[c]: probability that the client is still trying after the attempts so far, having caused c charges.
  let trying = new Float64Array(n + 1);
  trying[0] = 1;
  /** Probability that the payment ends with c charges. */
  const ends = new Float64Array(n + 1);
  let attempts = 0;
  for (let k = 0; k < n; k++) {
    const next = new Float64Array(n + 1);
    for (let c = 0; c <= k; c++) {
      const t = trying[c];
      if (t === 0) continue;
      attempts += t;
      next[c] += t * q; // request lost: no charge, try again
      next[c + 1] += t * (1 - q) * p; // charged, reply lost: try again
      ends[c + 1] += t * (1 - q) * (1 - p); // charged and confirmed
    }
    trying = next;
  }
  let failed = 0;
  for (let c = 0; c <= n; c++) {
    failed += trying[c];
    ends[c] += trying[c];
  }
  let charges = 0;
  let dup = 0;
  let dup2 = 0;
  for (let c = 1; c <= n; c++) {
    charges += (keys ? 1 : c) * ends[c];
    const d = keys ? 0 : c - 1;
    dup += d * ends[c];
    dup2 += d * d * ends[c];
  }
  return {
    attemptFailure: q + (1 - q) * p,
    attempts,
    charges,
    duplicateCharges: dup,
    duplicateChargesSd: Math.sqrt(Math.max(0, dup2 - dup * dup)),
    failed,
    chargedButFailed: failed - trying[0],
  };
}
