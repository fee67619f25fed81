/**
 * The random draws of a payments run, fixed per payment and attempt before the run
 * starts, so that what happens to attempt k of payment p never depends on the order
 * in which the event loop happens to reach it. Changing the server's time, the keys
 * or the client's backoff moves no loss, and runs compared at one seed (with and
 * without keys) meet the same losses attempt by attempt (common random numbers).
 *
 * Streams (forks of the run's `rng`), one per component:
 * - 'network' / 'request-loss' and 'network' / 'response-loss': one draw per attempt
 *   slot, payment by payment, attempt by attempt (`payments × maxAttempts` of each);
 * - 'server' / 'time': one draw of `serverMs` per execution slot (the j-th execution
 *   of payment p, j < maxAttempts), drawn the same way;
 * - 'client' / 'arrivals' (drawn by the caller) and 'client' / 'backoff' / 'payment p':
 *   the waits between payment p's retries, a fork made only for payments that retry.
 */
import { MAX_DELAY_MS } from '../../net/limits';
import { sampleDuration, type Distribution } from '../../random/distribution';
import type { Rng } from '../../random/rng';

/** What the run looks up instead of drawing. */
export interface PaymentDraws {
  /** 1 where attempt k of payment p (index p × maxAttempts + k) loses its request. */
  requestLost: Uint8Array;
  /** 1 where that attempt's reply is lost. */
  responseLost: Uint8Array;
  /** Server time of the j-th execution of payment p (index p × maxAttempts + j), ms. */
  serverMs: Float64Array;
  /** Payment p's backoff stream, made on first use; `release` forgets it once the payment has ended. */
  backoff(payment: number): Rng;
  release(payment: number): void;
}

/** Loss rates, server time and slots per payment, as `checkPaymentOptions` checked them. */
export interface PaymentDrawOptions {
  payments: number;
  maxAttempts: number;
  requestLossRate: number;
  responseLossRate: number;
  serverMs: Distribution;
  rng: Rng;
}

/**
 * Draws every slot up front (payments × maxAttempts of each, at most MAX_PAYMENT_ATTEMPTS:
 * 3·10^6 bytes twice and 2.4·10^7 bytes of server times). A server-time draw that is
 * NaN, negative, infinite or above one hour throws a RangeError naming `serverMs`.
 */
export function drawPayments(opts: PaymentDrawOptions): PaymentDraws {
  const slots = opts.payments * opts.maxAttempts;
  const network = opts.rng.fork('network');
  const requestRng = network.fork('request-loss');
  const responseRng = network.fork('response-loss');
  const serverRng = opts.rng.fork('server').fork('time');
  const requestLost = new Uint8Array(slots);
  const responseLost = new Uint8Array(slots);
  const serverMs = new Float64Array(slots);
  for (let s = 0; s < slots; s++) {
    requestLost[s] = requestRng() < opts.requestLossRate ? 1 : 0;
    responseLost[s] = responseRng() < opts.responseLossRate ? 1 : 0;
    serverMs[s] = sampleDuration('serverMs', opts.serverMs, serverRng, MAX_DELAY_MS);
  }
  const backoffRoot = opts.rng.fork('client').fork('backoff');
  const open = new Map<number, Rng>();
  return {
    requestLost,
    responseLost,
    serverMs,
    backoff(payment) {
      let rng = open.get(payment);
      if (rng === undefined) {
        rng = backoffRoot.fork(`payment ${payment}`);
        open.set(payment, rng);
      }
      return rng;
    },
    release(payment) {
      open.delete(payment);
    },
  };
}
