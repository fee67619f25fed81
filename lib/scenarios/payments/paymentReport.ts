/**
 * What a payments run returns: one record per payment (its attempts, the charges it
 * caused, whether the user saw a confirmation), the totals the course's question is
 * about (charges, duplicate charges, failed payments, and failed payments that were
 * charged all the same), what happened to the attempts on the wire, and what the
 * server saw (executions, executions overlapping another of the same payment, and the
 * key store's replays, waits and conflicts).
 */
import { summarize, EMPTY_SUMMARY, type Summary } from '../../stats/summarize';

/** One row per payment, in arrival order. */
export interface PaymentRecords {
  /** When the user pressed "Pay" (ms). */
  arrivalMs: Float64Array;
  /** Attempts sent, the first included. */
  attempts: Int32Array;
  /** Times the card was charged for this payment. */
  charges: Int32Array;
  /** 1 when the client received a confirmation, else 0 (the user was told it failed). */
  confirmed: Uint8Array;
  /** Arrival to confirmation (ms); NaN when the payment failed. */
  latencyMs: Float64Array;
  /** When the client received the confirmation or gave up (ms). */
  endMs: Float64Array;
}

/** The fate of every attempt on the wire (each attempt counts once, except that a reply may be lost after its attempt timed out). */
export interface PaymentAttemptCounts {
  /** Attempts sent, first attempts and retries. */
  sent: number;
  retries: number;
  /** Requests lost before the server. */
  requestsLost: number;
  /** Replies (confirmations or conflicts) lost on the way back. */
  responsesLost: number;
  /** Replies that arrived after their attempt had timed out (the client no longer listens). */
  late: number;
  /** Attempts the client abandoned at its timeout. */
  timedOut: number;
  /** Attempts answered with a conflict (a repeat while the first was executing; only with keys and concurrent: 'reject'). */
  conflicts: number;
  /** Attempts answered with a confirmation in time. */
  confirmed: number;
}

/** What the server saw. */
export interface PaymentServerCounts {
  /** Attempts that reached the server. */
  received: number;
  /** Executions of the charge. */
  executions: number;
  /** Executions that started while another execution of the same payment was still running. */
  overlappingExecutions: number;
  /** With keys: repeats answered from the stored result. */
  replayed: number;
  /** With keys: repeats that waited for an execution in flight (concurrent: 'wait'). */
  waited: number;
  /** With keys: repeats refused because an execution was in flight (concurrent: 'reject'). */
  conflicts: number;
}

export interface PaymentResult {
  /** e.g. "keys, response loss 10%, 3 attempts", for tables and legends. */
  label: string;
  payments: number;
  /** Charges in all (one per execution). */
  charges: number;
  /** Payments charged at least once. */
  chargedPayments: number;
  /** Charges beyond the first of each payment: Σ max(0, charges − 1). */
  duplicateCharges: number;
  /** Payments charged more than once. */
  paymentsChargedTwiceOrMore: number;
  /** Payments confirmed to the client. */
  confirmedPayments: number;
  /** Payments the client gave up on without a confirmation. */
  failedPayments: number;
  /** Failed payments that were charged anyway: the user is told it failed and pays all the same. */
  chargedButFailed: number;
  /** Attempts sent, the first included. */
  attempts: number;
  /** Arrival to confirmation (ms) of the confirmed payments, in arrival order. */
  latencyMs: Float64Array;
  /** Summary of `latencyMs` (count 0 and NaN when nothing was confirmed). */
  summary: Summary;
  wire: PaymentAttemptCounts;
  server: PaymentServerCounts;
  records: PaymentRecords;
}

/**
 * Turns a payments run's records and counters into its result: per-payment records,
 * charges, duplicate charges, failed payments (charged or not), attempts on the wire
 * and what the server and its key store saw.
 */
export function paymentReport(label: string, records: PaymentRecords, wire: PaymentAttemptCounts, server: PaymentServerCounts): PaymentResult {
  const n = records.arrivalMs.length;
  let charges = 0;
  let chargedPayments = 0;
  let duplicateCharges = 0;
  let twiceOrMore = 0;
  let confirmedPayments = 0;
  let chargedButFailed = 0;
  let attempts = 0;
  for (let i = 0; i < n; i++) {
    const c = records.charges[i];
    charges += c;
    attempts += records.attempts[i];
    if (c > 0) chargedPayments++;
    if (c > 1) {
      duplicateCharges += c - 1;
      twiceOrMore++;
    }
    if (records.confirmed[i] === 1) confirmedPayments++;
    else if (c > 0) chargedButFailed++;
  }
  const latencyMs = new Float64Array(confirmedPayments);
  for (let i = 0, j = 0; i < n; i++) if (records.confirmed[i] === 1) latencyMs[j++] = records.latencyMs[i];
  return {
    label,
    payments: n,
    charges,
    chargedPayments,
    duplicateCharges,
    paymentsChargedTwiceOrMore: twiceOrMore,
    confirmedPayments,
    failedPayments: n - confirmedPayments,
    chargedButFailed,
    attempts,
    latencyMs,
    summary: latencyMs.length > 0 ? summarize(latencyMs) : { ...EMPTY_SUMMARY },
    wire,
    server,
    records,
  };
}
