/**
 * The models a sweep can name: every library model whose options are data (numbers,
 * strings, distribution specs) plus an `rng`. A sweep written as JSON names one of
 * these, so it can run in a worker thread or on another machine.
 */
import { simulateCluster } from '../balance/cluster/simulateCluster';
import { pageLoad } from '../http/pageLoad';
import { simulatePool } from '../net/connections/connectionPool';
import { simulateDnsFailover } from '../net/dns/dnsFailover';
import { requestTimes } from '../net/tcp/requestTimes';
import { simulateGlobalRouting } from '../scenarios/globalRouting/simulateGlobalRouting';
import { simulateImagePage } from '../scenarios/imagePage/imagePage';
import { simulatePayments } from '../scenarios/payments/simulatePayments';
import { simulateRealtime } from '../scenarios/realtime/simulateRealtime';
import { simulateRetryStorm } from '../scenarios/retryStorm/simulateRetryStorm';
import { simulateStack } from '../scenarios/stack/simulateStack';
import { simulateQueue } from '../sim/queues/simulateQueue';

/** A model a sweep calls with its options and `rng` (the registry's view of it). */
export type SweepModel = (options: never) => unknown;

/** The models by the names a sweep uses. */
export const SWEEP_MODELS = {
  simulateQueue,
  simulateCluster,
  pageLoad,
  requestTimes,
  simulatePool,
  simulateDnsFailover,
  simulateStack,
  simulateRetryStorm,
  simulatePayments,
  simulateRealtime,
  simulateImagePage,
  simulateGlobalRouting,
} as const satisfies Record<string, SweepModel>;

/** A model name a sweep accepts. */
export type SweepModelName = keyof typeof SWEEP_MODELS;

/** The names, in a fixed order (for messages). */
export const SWEEP_MODEL_NAMES = Object.keys(SWEEP_MODELS) as SweepModelName[];
