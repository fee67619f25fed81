export { Deadline, MAX_TIMEOUT_MS } from './timeout';
export { backoff, JITTERS, type Backoff, type BackoffOptions, type Jitter } from './backoff';
export { retryPolicy, type RetryPolicy, type RetryPolicyOptions } from './retryPolicy';
export { RetryBudget, retryBudget, type RetryBudgetOptions } from './retryBudget';
export { CircuitBreaker, circuitBreaker, type BreakerState, type BreakerTransition, type CircuitBreakerOptions } from './circuitBreaker';
export {
  IdempotencyStore,
  idempotencyStore,
  CONCURRENT_REPEATS,
  type Begin,
  type ConcurrentRepeat,
  type IdempotencyCounts,
  type IdempotencyKey,
  type IdempotencyStoreOptions,
} from './idempotencyStore';
