export { STACK_LAYERS, type StackLayer } from './stackLayers';
export {
  FAULT_KINDS, faultLayer, type FaultKind, type StackFault, type PlacedFault, type DnsMisconfiguration, type PortExhaustion,
  type RouteWithdrawal, type LinkDegradation,
} from './stackFaults';
export {
  MAX_STACK_REQUESTS, MAX_STACK_BUCKETS, DEFAULT_REQUESTS_PER_CONNECTION, DEFAULT_BACKLOG,
  type StackOptions, type L1Options, type L3Options, type L4Options, type L7Options, type ClientOptions,
} from './stackOptions';
export { STACK_OUTCOME, type StackAttempts } from './stackAttempts';
export { simulateStack } from './simulateStack';
export { type StackResult, type LayerBucket, type StackSignal, type StackRequests, type FirstSaturated } from './stackReport';
