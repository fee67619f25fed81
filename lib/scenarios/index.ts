export { STACK_LAYERS, type StackLayer } from './stackLayers';
export {
  FAULT_KINDS, faultLayer, type FaultKind, type StackFault, type PlacedFault, type DnsMisconfiguration, type PortExhaustion,
  type RouteWithdrawal, type LinkDegradation,
} from './stackFaults';
export {
  MAX_STACK_REQUESTS, DEFAULT_REQUESTS_PER_CONNECTION, DEFAULT_BACKLOG,
  type StackOptions, type L1Options, type L3Options, type L4Options, type L7Options, type ClientOptions,
} from './stackOptions';
export { STACK_OUTCOME, type StackAttempts } from './stackAttempts';
export { simulateStack } from './simulateStack';
export { type StackResult, type LayerBucket, type StackSignal, type StackRequests, type FirstSaturated } from './stackReport';
export { simulatePayments } from './simulatePayments';
export { MAX_PAYMENTS, MAX_PAYMENT_ATTEMPTS, type PaymentOptions, type IdempotencyKeyOptions } from './paymentOptions';
export { type PaymentResult, type PaymentRecords, type PaymentAttemptCounts, type PaymentServerCounts } from './paymentReport';
export { paymentArithmetic, type PaymentArithmetic, type PaymentArithmeticOptions } from './paymentArithmetic';
export { simulateEarlyDataReplay, EARLY_DATA_POLICIES, type EarlyDataPolicy, type EarlyDataReplayOptions, type EarlyDataReplayResult } from './earlyDataReplay';
export { simulateImagePage, MAX_IMAGE_PAGE_LOADS, type ImagePageOptions, type ImagePageSite, type ImagePageLoad, type ImagePageSummary, type ImagePageResult } from './imagePage';
export { paperPageTimes, type PaperPageOptions, type PaperPageRow, type PaperStrategy } from './imagePagePaper';
export { imagePageObjects, meanImagePage, DEFAULT_THUMBNAIL_BYTES, DEFAULT_HERO_BYTES, DEFAULT_IMAGES, MAX_IMAGES, type ImageSizeOptions } from './imagePageSizes';
export { sitePath } from './sitePath';
export { simulateGlobalRouting } from './simulateGlobalRouting';
export { DNS_HEALTH_CHECK_DEFAULTS, DEFAULT_CONNECT_TIMEOUT_MS, MAX_GLOBAL_REQUESTS, type GlobalRoutingOptions, type UserPopulation, type EdgeOptions, type RegionFailure, type GlobalRequestShape } from './globalRoutingOptions';
export { GLOBAL_STRATEGIES, nearestRegions, dnsAnswerPolicy, type GlobalStrategy, type DnsAnswerPolicy } from './globalRoutingDns';
export { type GlobalRoutingResult, type GlobalRequestRecord, type GlobalAttemptRecord, type RoutePath, type UserRegionSummary, type GlobalBucket, type FailureReport } from './globalRoutingReport';
export { simulateRetryStorm } from './simulateRetryStorm';
export { MAX_STORM_REQUESTS, MAX_STORM_ATTEMPTS, MAX_STORM_LAYERS, type RetryStormOptions, type StormTrigger, type StormTriggerConfig } from './retryStormOptions';
export { type RetryStormResult, type RetryStormSummary, type StormBucket, type StormRequests } from './retryStormReport';
export { STORM_OUTCOME, STORM_PHASES, type StormPhase } from './retryStormTally';
export { simulateRealtime, type RealtimeResult, type RealtimeBucket, type MessageCounts } from './simulateRealtime';
export { REALTIME_MODES, MESSAGE_TIMINGS, MAX_REALTIME_USERS, MAX_REALTIME_EVENTS, DEFAULT_MEMORY_PER_CONNECTION_BYTES, DEFAULT_POLL_TIMEOUT_MS, DEFAULT_HEARTBEAT_MS, DEFAULT_KEEP_ALIVE_IDLE_MS, type RealtimeOptions, type RealtimeMode, type MessageTiming } from './realtimeOptions';
