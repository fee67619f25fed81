export { STACK_LAYERS, type StackLayer } from './stack/stackLayers';
export {
  FAULT_KINDS, faultLayer, type FaultKind, type StackFault, type PlacedFault, type DnsMisconfiguration, type PortExhaustion,
  type RouteWithdrawal, type LinkDegradation,
} from './stack/stackFaults';
export {
  MAX_STACK_REQUESTS, DEFAULT_REQUESTS_PER_CONNECTION, DEFAULT_BACKLOG,
  type StackOptions, type L1Options, type L3Options, type L4Options, type L7Options, type ClientOptions,
} from './stack/stackOptions';
export { STACK_OUTCOME } from './stack/stackAttemptLog';
export type { StackAttempts } from './stack/stackAttempts';
export { simulateStack } from './stack/simulateStack';
export { type StackResult, type LayerBucket, type StackSignal, type StackRequests, type FirstSaturated } from './stack/stackReport';
export { simulatePayments } from './payments/simulatePayments';
export { MAX_PAYMENTS, MAX_PAYMENT_ATTEMPTS, type PaymentOptions, type IdempotencyKeyOptions } from './payments/paymentOptions';
export { type PaymentResult, type PaymentRecords, type PaymentAttemptCounts, type PaymentServerCounts } from './payments/paymentReport';
export { paymentArithmetic, type PaymentArithmetic, type PaymentArithmeticOptions } from './payments/paymentArithmetic';
export { simulateEarlyDataReplay, EARLY_DATA_POLICIES, type EarlyDataPolicy, type EarlyDataReplayOptions, type EarlyDataReplayResult } from './payments/earlyDataReplay';
export { simulateImagePage, MAX_IMAGE_PAGE_LOADS, type ImagePageOptions, type ImagePageSite, type ImagePageLoad, type ImagePageSummary, type ImagePageResult } from './imagePage/imagePage';
export { paperPageTimes, type PaperPageOptions, type PaperPageRow, type PaperStrategy } from './imagePage/imagePagePaper';
export { imagePageObjects, meanImagePage, DEFAULT_THUMBNAIL_BYTES, DEFAULT_HERO_BYTES, DEFAULT_IMAGES, MAX_IMAGES, type ImageSizeOptions } from './imagePage/imagePageSizes';
export { sitePath } from './imagePage/sitePath';
export { simulateGlobalRouting } from './globalRouting/simulateGlobalRouting';
export { DNS_HEALTH_CHECK_DEFAULTS, DEFAULT_CONNECT_TIMEOUT_MS, MAX_GLOBAL_REQUESTS, type GlobalRoutingOptions, type EdgeOptions, type RegionFailure, type GlobalRequestShape } from './globalRouting/globalRoutingOptions';
export { type UserPopulation } from './globalRouting/globalRoutingPlaces';
export { GLOBAL_STRATEGIES, type GlobalStrategy, type DnsAnswerPolicy } from './globalRouting/globalRoutingDns';
export { type GlobalRoutingResult, type GlobalRequestRecord, type GlobalAttemptRecord, type RoutePath, type UserRegionSummary, type GlobalBucket, type FailureReport } from './globalRouting/globalRoutingReport';
export { simulateRetryStorm } from './retryStorm/simulateRetryStorm';
export { MAX_STORM_REQUESTS, MAX_STORM_ATTEMPTS, MAX_STORM_LAYERS, type RetryStormOptions, type StormTrigger, type StormTriggerConfig } from './retryStorm/retryStormOptions';
export { type RetryStormResult, type RetryStormSummary, type StormBucket, type StormRequests } from './retryStorm/retryStormReport';
export { STORM_OUTCOME, STORM_PHASES, type StormPhase } from './retryStorm/retryStormTally';
export { simulateRealtime, type RealtimeResult, type RealtimeBucket, type MessageCounts } from './realtime/simulateRealtime';
export { REALTIME_MODES, MESSAGE_TIMINGS, MAX_REALTIME_USERS, MAX_REALTIME_EVENTS, DEFAULT_MEMORY_PER_CONNECTION_BYTES, DEFAULT_POLL_TIMEOUT_MS, DEFAULT_HEARTBEAT_MS, DEFAULT_KEEP_ALIVE_IDLE_MS, type RealtimeOptions, type RealtimeMode, type MessageTiming } from './realtime/realtimeOptions';
export { attemptsPerRequest } from './retryStorm/attemptsPerRequest';
export { sweepStormRecovery, MAX_SWEEP_RUNS, type StormSweepOptions, type StormSweepPolicy, type StormSweepRow, type StormRunOptions } from './retryStorm/sweepStormRecovery';
export { failedShare, type FailedShareOptions } from './globalRouting/failedShare';
export { failureSeries, type FailureSeries } from './globalRouting/failureSeries';
export { failureSpan, type FailureSpan, type FailureSpanOptions } from './stack/failureSpan';
export { incidentSummary, type IncidentSummary } from './stack/incidentSummary';
