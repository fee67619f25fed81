/** Baselines for lib/resilience. */
import type { Entry } from './entry';

const m = 'resilience';
const breaker = { failureRate: 0.5, minimumRequests: 4, windowRequests: 10, cooldownMs: 1000, halfOpenProbes: 1 };
const budget = { ratio: 0.1, maxTokens: 100, minPerSecond: 10, initialTokens: 5 };
export const RESILIENCE: Entry[] = [
  { name: 'Deadline', module: m, construct: true, params: ['startMs', 'timeoutMs', 'expiresAtMs'], args: [1000, 250, 1200] },
  { name: 'backoff', module: m, params: ['opts'], args: [{ baseMs: 100, capMs: 1000, jitter: 'full', multiplier: 2 }] },
  { name: 'retryPolicy', module: m, params: ['opts'], args: [{ maxAttempts: 3, backoff: { baseMs: 50, capMs: 400, jitter: 'equal' }, idempotentOnly: true }] },
  { name: 'RetryBudget', module: m, construct: true, params: ['opts'], args: [budget], alsoNamed: { opts: ['retryBudget'] } },
  { name: 'retryBudget', module: m, params: ['opts'], args: [budget], alsoNamed: { opts: ['RetryBudget'] } },
  { name: 'CircuitBreaker', module: m, construct: true, params: ['opts'], args: [breaker], alsoNamed: { opts: ['circuitBreaker'] } },
  { name: 'circuitBreaker', module: m, params: ['opts'], args: [breaker] },
  { name: 'IdempotencyStore', module: m, construct: true, params: ['opts'], args: [{ concurrent: 'wait', ttlMs: 60_000 }], alsoNamed: { opts: ['idempotencyStore'] } },
  { name: 'idempotencyStore', module: m, params: ['opts'], args: [{ concurrent: 'reject', ttlMs: 60_000 }] },
];
