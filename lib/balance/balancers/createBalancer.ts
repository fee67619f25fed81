/**
 * Turns a `BalancerSpec` (a built-in name, a name with parameters, or a factory)
 * into a fresh balancer instance, checking parameters on the way in, and names
 * specs for tables and legends.
 */
import { requireRng } from '../../random/rng';
import * as check from '../../validate';
import { MAX_RING_POINTS } from './hashRing';
import type { Balancer, BalancerContext, BalancerName, BalancerParams, BalancerSpec } from './balancer';
import { consistentHashBalancer, DEFAULT_VNODES } from './consistentHashBalancer';
import { ipHashBalancer } from './ipHashBalancer';
import { leastConnectionsBalancer } from './leastConnectionsBalancer';
import { SCAN_MAX_SERVERS } from './lowestScore';
import { DEFAULT_SMOOTHING, leastResponseTimeBalancer } from './leastResponseTimeBalancer';
import { DEFAULT_CHOICES, powerOfTwoBalancer } from './powerOfTwoBalancer';
import { randomBalancer } from './randomBalancer';
import { roundRobinBalancer } from './roundRobinBalancer';
import { weightedRoundRobinBalancer } from './weightedRoundRobinBalancer';

type Algorithm = (context: BalancerContext, params: BalancerParams) => Balancer;
type ParamName = keyof BalancerParams;

const ALGORITHMS: Record<BalancerName, { create: Algorithm; params: readonly ParamName[] }> = {
  random: { create: randomBalancer, params: [] },
  'round-robin': { create: roundRobinBalancer, params: [] },
  'weighted-round-robin': { create: weightedRoundRobinBalancer, params: [] },
  'least-connections': { create: leastConnectionsBalancer, params: [] },
  'least-response-time': { create: leastResponseTimeBalancer, params: ['smoothing'] },
  'power-of-two': { create: powerOfTwoBalancer, params: ['choices'] },
  'ip-hash': { create: ipHashBalancer, params: [] },
  'consistent-hash': { create: consistentHashBalancer, params: ['vnodes'] },
};

/** The built-in algorithms, in the order tables list them. */
export const BALANCER_NAMES: readonly BalancerName[] = Object.keys(ALGORITHMS) as BalancerName[];

const CHECK_PARAM: Record<ParamName, (option: string, value: unknown) => number> = {
  choices: (option, value) => check.integer(option, value, 1, 1000),
  vnodes: (option, value) => check.integer(option, value, 1, 10000),
  smoothing: (option, value) => check.inRange(option, value, 0, 1, '(]'),
};

/** Every key a built-in spec may hold: its name and any algorithm's parameters. */
const SPEC_KEYS: readonly (ParamName | 'name')[] = ['name', ...(Object.keys(CHECK_PARAM) as ParamName[])];

function isFactory(spec: object): boolean {
  return typeof (spec as { create?: unknown }).create === 'function';
}

/** A built-in spec as a name and checked parameters (absent ones left out). */
function builtIn(spec: BalancerName | ({ name: BalancerName } & BalancerParams)): { name: BalancerName; params: BalancerParams } {
  if (typeof spec === 'string') return { name: check.oneOf('balancer', spec, BALANCER_NAMES), params: {} };
  // Keys first, so a misspelt `name` is reported as a misspelling, not as a missing name.
  check.nestedOptions('balancer', spec, SPEC_KEYS);
  const name = check.oneOf('balancer.name', spec.name, BALANCER_NAMES);
  // The keys a spec may hold: its name and the parameters of that algorithm alone.
  const allowed = ALGORITHMS[name].params;
  for (const key of Object.keys(spec)) {
    if (key in CHECK_PARAM && !(allowed as readonly string[]).includes(key)) {
      const takes = allowed.length === 0 ? 'it takes no parameters' : `its parameters: ${allowed.join(', ')}`;
      throw new TypeError(`balancer.${key} does not apply to ${JSON.stringify(name)} (${takes})`);
    }
  }
  check.nestedOptions('balancer', spec, ['name', ...allowed]);
  const params: BalancerParams = {};
  for (const key of ALGORITHMS[name].params) {
    const value = spec[key];
    if (value !== undefined) params[key] = CHECK_PARAM[key](`balancer.${key}`, value);
  }
  return { name, params };
}

/** Points the hash rings of a consistent-hash spec hold over `servers` servers (members × vnodes); 0 for other specs. */
export function hashRingPoints(spec: BalancerSpec, servers: number): number {
  checkSpec(spec);
  if (typeof spec === 'object' && isFactory(spec)) return 0;
  const { name, params } = builtIn(spec as BalancerName | ({ name: BalancerName } & BalancerParams));
  return name === 'consistent-hash' ? servers * (params.vnodes ?? DEFAULT_VNODES) : 0;
}

/**
 * Servers a balancer looks at per pick, for bounding a run's work up front: the
 * rotation for weighted round robin (it scans every server), d for power of d
 * choices, one for the others (least connections and least response time scan at
 * most `SCAN_MAX_SERVERS` servers and index larger rotations). A factory counts as one.
 */
export function balancerPickWork(spec: BalancerSpec, servers: number): number {
  checkSpec(spec);
  if (typeof spec === 'object' && isFactory(spec)) return 1;
  const { name, params } = builtIn(spec as BalancerName | ({ name: BalancerName } & BalancerParams));
  switch (name) {
    case 'weighted-round-robin':
      return servers;
    case 'power-of-two':
      return Math.min(servers, params.choices ?? DEFAULT_CHOICES);
    case 'least-connections':
    case 'least-response-time':
      return Math.min(servers, SCAN_MAX_SERVERS);
    default:
      return 1;
  }
}

function checkSpec(spec: unknown): void {
  if (spec === null || (typeof spec !== 'string' && typeof spec !== 'object') || Array.isArray(spec)) {
    const list = BALANCER_NAMES.map((a) => JSON.stringify(a)).join(', ');
    throw new TypeError(`balancer must be one of ${list}, { name, ...params } or a factory; got ${check.describe(spec)}`);
  }
}

function checkFactory(spec: BalancerSpec & object): void {
  const name = (spec as { name?: unknown }).name;
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`balancer factory must have a non-empty string name; got ${check.describe(name)}`);
  }
}

/** Every key of `BalancerContext`. */
const CONTEXT_KEYS: readonly (keyof BalancerContext & string)[] = ['members', 'weights', 'rng'];

/** The context checked, its rng made safe to draw from (see requireRng). */
function checkContext(context: BalancerContext): BalancerContext {
  check.options('createBalancer', context, CONTEXT_KEYS);
  const { members, weights } = context;
  if (!(members instanceof Int32Array) || members.length === 0) {
    throw new TypeError(`balancer context.members must be a non-empty Int32Array; got ${check.describe(members)}`);
  }
  if (!(weights instanceof Float64Array)) {
    throw new TypeError(`balancer context.weights must be a Float64Array; got ${check.describe(weights)}`);
  }
  for (let i = 0; i < members.length; i++) {
    if (members[i] < 0 || members[i] >= weights.length) {
      throw new RangeError(`balancer context.members[${i}] (${members[i]}) has no weight (weights has length ${weights.length})`);
    }
  }
  const rng = requireRng('balancer context.rng', context.rng);
  return rng === context.rng ? context : { ...context, rng };
}

/** A fresh balancer for one pool and one run. Throws, naming the option, on a bad spec or parameter. */
export function createBalancer(spec: BalancerSpec, context: BalancerContext): Balancer {
  checkSpec(spec);
  context = checkContext(context);
  if (typeof spec === 'object' && isFactory(spec)) {
    checkFactory(spec);
    const balancer = (spec as { create(context: BalancerContext): Balancer }).create(context);
    if (balancer === null || typeof balancer !== 'object' || typeof balancer.pick !== 'function') {
      throw new TypeError(`balancer factory ${JSON.stringify(spec.name)} must return an object with a pick function; got ${check.describe(balancer)}`);
    }
    return balancer;
  }
  const { name, params } = builtIn(spec as BalancerName | ({ name: BalancerName } & BalancerParams));
  check.workWithin('members × balancer.vnodes', hashRingPoints(spec, context.members.length), MAX_RING_POINTS, 'points on the hash ring');
  return ALGORITHMS[name].create(context, params);
}

/**
 * A short name for a spec: the algorithm's name, with its parameter when it has
 * one (the default when not given), e.g. "power-of-two (d = 3)",
 * "consistent-hash (160 vnodes)"; a factory's own name.
 */
export function balancerLabel(spec: BalancerSpec): string {
  checkSpec(spec);
  if (typeof spec === 'object' && isFactory(spec)) {
    checkFactory(spec);
    return spec.name;
  }
  const { name, params } = builtIn(spec as BalancerName | ({ name: BalancerName } & BalancerParams));
  switch (name) {
    case 'power-of-two':
      return `${name} (d = ${params.choices ?? DEFAULT_CHOICES})`;
    case 'consistent-hash':
      return `${name} (${params.vnodes ?? DEFAULT_VNODES} vnodes)`;
    case 'least-response-time':
      return `${name} (smoothing ${params.smoothing ?? DEFAULT_SMOOTHING})`;
    default:
      return name;
  }
}
