/**
 * The options of a page load, validated once and turned into a plan the loaders
 * run (and that many seeded runs can share).
 */
import { CONGESTION_CONTROLS, type CongestionControl } from '../net/congestion/congestionControl';
import * as check from '../validate';
import { createPath, type Path, type PathOptions } from '../net/path/path';
import { DEFAULT_INITCWND, DEFAULT_MSS_BYTES } from '../net/tcp/slowStart';
import type { TlsMode } from '../net/tcp/tls';
import { QUIC_TLS_MODES, transportRules, type TransportRules } from '../net/transport/transportRules';
import type { StreamScheduling } from '../net/transport/streamScheduler';
import type { TransferSettings } from '../net/transport/transferContext';
import type { Rng } from '../random/rng';
import { DEFAULT_HEADER_RATIO } from './headerCompression';
import { HTTP_PROTOCOLS, PROTOCOL_TRAITS, type HttpProtocol } from './protocols';

/** Default request header block (bytes): a browser's GET with cookies, a representative choice. */
export const DEFAULT_REQUEST_HEADER_BYTES = 700;
/** Default response header block (bytes), a representative choice. */
export const DEFAULT_RESPONSE_HEADER_BYTES = 400;

export interface MigrationOptions {
  /** When the client's address changes (ms after the page load starts, > 0 and finite). */
  atMs: number;
  /** The network after the change (e.g. cellular after Wi-Fi), bounded as `path`. */
  path: PathOptions;
}

/** Every key of `MigrationOptions`. */
export const MIGRATION_KEYS: readonly (keyof MigrationOptions & string)[] = ['atMs', 'path'];

/**
 * What one page load may ask for. Beyond an RTT of a minute TCP's and QUIC's timers
 * (maximum RTO 120 s, 15 timeouts) give up before any answer comes back, and below
 * 10 kbit/s a single packet outlasts them: the model would report a failed load that
 * no real network shows, so such paths are refused. Data packets bound the run time.
 */
export const PAGE_LOAD_LIMITS = {
  /** Objects per page. */
  objects: 10_000,
  /** path.rttMs and path.jitterMs (ms). */
  rttMs: 60_000,
  /** Slowest path.bandwidthMbps (10 kbit/s). */
  minBandwidthMbps: 0.01,
  /** Header block sizes (bytes). */
  headerBytes: 1_000_000,
  /** serverMs (ms). */
  serverMs: 60_000,
  /** Data packets of one load (bodies and response headers / MSS, about 30 to 70 s). */
  packets: 1e7,
} as const;

export interface PageLoadOptions {
  protocol: HttpProtocol;
  /** Response body size of each object (bytes, ≥ 0; 1 to 10 000 objects; all of them with headers at most 10^7 packets of `mssBytes`), in the order the page requests them. */
  objects: readonly number[];
  /** The network between client and server (rttMs and jitterMs ≤ 60 000 ms, bandwidthMbps ≥ 0.01). */
  path: PathOptions;
  /** HTTP/1.1's connections per host (integer in [1, 64], default 6). */
  connectionsPerHost?: number;
  /** TLS mode (default '1.3'); HTTP/3 allows '1.3', 'resumed' or '0-rtt'. */
  tls?: TlsMode;
  /** Initial congestion window (packets, integer in [1, 1000], default 10, RFC 6928). */
  initcwnd?: number;
  /** Maximum segment size (bytes, integer in [1, 65 535], default 1460). */
  mssBytes?: number;
  /** Server time per object before its first byte can go (ms in [0, 60 000], default 0). */
  serverMs?: number;
  /** Full size of a request header block (bytes in [0, 10^6], default 700). */
  requestHeaderBytes?: number;
  /** Full size of a response header block (bytes in [0, 10^6], default 400). */
  responseHeaderBytes?: number;
  /** Size of a later, compressed header block relative to the full one, in [0, 1] (HTTP/2 and /3; default 0.15). */
  headerRatio?: number;
  /** How the server interleaves responses on one connection (HTTP/2 and /3; default 'round-robin'). */
  scheduling?: StreamScheduling;
  /** The client's address changes mid-load. */
  migration?: MigrationOptions;
  /** Data packets to lose on purpose, by number in the order the server sends them (0-based, at most 10^6 of them), on top of the path's loss. */
  dropPackets?: readonly number[];
  /** Consecutive timeouts before a connection gives up (integer in [1, 30], default 15). */
  maxRetries?: number;
  /** Congestion controller of every connection: 'newreno' (default, RFC 5681 / RFC 9002) or 'cubic' (RFC 9438, Linux's default). */
  congestionControl?: CongestionControl;
  /** Needed when the path has jitter or loss. */
  rng?: Rng;
}

/** Every key of `PageLoadOptions`. */
export const PAGE_LOAD_KEYS: readonly (keyof PageLoadOptions & string)[] = [
  'protocol', 'objects', 'path', 'connectionsPerHost', 'tls', 'initcwnd', 'mssBytes', 'serverMs', 'requestHeaderBytes',
  'responseHeaderBytes', 'headerRatio', 'scheduling', 'migration', 'dropPackets', 'maxRetries', 'congestionControl', 'rng',
];

export interface PageLoadPlan {
  protocol: HttpProtocol;
  /** Body bytes of each object. */
  bodyBytes: readonly number[];
  path: Path;
  rules: TransportRules;
  connectionsPerHost: number;
  scheduling: StreamScheduling;
  serverMs: number;
  requestHeaderBytes: number;
  responseHeaderBytes: number;
  /** null: headers are not compressed. */
  headerRatio: number | null;
  migration: { atMs: number; path: Path } | null;
  drops: ReadonlySet<number> | null;
  settings: TransferSettings;
  /** True when a run draws random numbers (jitter or loss on some path). */
  random: boolean;
  /** Data packets of one load without losses (bodies and response headers over the MSS). */
  packets: number;
}

const SCHEDULING: readonly StreamScheduling[] = ['round-robin', 'sequential'];

/** A page-load path: the network's own checks, then the bounds within which the model answers. */
function checkPath(where: string, value: PathOptions): Path {
  const path = createPath(value, where);
  const { rttMs, minBandwidthMbps } = PAGE_LOAD_LIMITS;
  if (path.rttMs > rttMs) throw new RangeError(`${where}.rttMs must be at most ${rttMs} ms (transport timers give up beyond it); got ${path.rttMs}`);
  if (value.jitterMs !== undefined && value.jitterMs > rttMs) {
    throw new RangeError(`${where}.jitterMs must be at most ${rttMs} ms (transport timers give up beyond it); got ${value.jitterMs}`);
  }
  if (path.bandwidthMbps < minBandwidthMbps) {
    throw new RangeError(`${where}.bandwidthMbps must be at least ${minBandwidthMbps} (10 kbit/s; a slower packet outlasts the transport timers); got ${path.bandwidthMbps}`);
  }
  return path;
}

/**
 * Checks a page load's options and turns them into the plan every run of them
 * shares: protocol traits, path, object and header sizes (bytes), limits.
 *
 * @throws TypeError or RangeError naming a wrong option, or a page beyond `PAGE_LOAD_LIMITS`.
 */
export function planPageLoad(opts: PageLoadOptions): PageLoadPlan {
  check.options('pageLoad', opts, PAGE_LOAD_KEYS);
  const protocol = check.oneOf('protocol', opts.protocol, HTTP_PROTOCOLS);
  const traits = PROTOCOL_TRAITS[protocol];
  if (!Array.isArray(opts.objects) || opts.objects.length === 0) {
    throw new RangeError(`objects must be a non-empty array of response sizes in bytes; got ${check.describe(opts.objects)}`);
  }
  const limits = PAGE_LOAD_LIMITS;
  if (opts.objects.length > limits.objects) throw new RangeError(`objects must hold at most ${limits.objects} sizes; got ${opts.objects.length}`);
  const bodyBytes = opts.objects.map((b, i) => check.nonNegative(`objects[${i}]`, b));
  const path = checkPath('path', opts.path);
  const tls = opts.tls ?? '1.3';
  if (traits.transport === 'quic' && !QUIC_TLS_MODES.includes(tls)) {
    throw new RangeError(`tls must be one of ${QUIC_TLS_MODES.map((m) => `'${m}'`).join(', ')} for http3 (QUIC always runs TLS 1.3); got ${check.describe(tls)}`);
  }
  const connectionsPerHost = check.integer('connectionsPerHost', opts.connectionsPerHost ?? 6, 1, 64);
  const scheduling = check.oneOf('scheduling', opts.scheduling ?? 'round-robin', SCHEDULING);
  const ratio = check.inRange('headerRatio', opts.headerRatio ?? DEFAULT_HEADER_RATIO, 0, 1);
  let migration: PageLoadPlan['migration'] = null;
  if (opts.migration !== undefined) {
    const m = check.nestedOptions('migration', opts.migration, MIGRATION_KEYS);
    migration = { atMs: check.positive('migration.atMs', m.atMs), path: checkPath('migration.path', m.path) };
  }
  let drops: Set<number> | null = null;
  if (opts.dropPackets !== undefined) {
    if (!Array.isArray(opts.dropPackets) || opts.dropPackets.length > 1e6) {
      throw new TypeError(`dropPackets must be an array of at most 1000000 packet numbers; got ${check.describe(opts.dropPackets)}`);
    }
    drops = new Set(opts.dropPackets.map((n, i) => check.integer(`dropPackets[${i}]`, n, 0)));
  }
  const settings: TransferSettings = {
    mssBytes: check.integer('mssBytes', opts.mssBytes ?? DEFAULT_MSS_BYTES, 1, 65_535),
    initcwnd: check.integer('initcwnd', opts.initcwnd ?? DEFAULT_INITCWND, 1, 1000),
    maxRetries: check.integer('maxRetries', opts.maxRetries ?? 15, 1, 30),
    congestionControl: check.oneOf('congestionControl', opts.congestionControl ?? 'newreno', CONGESTION_CONTROLS),
  };
  const requestHeaderBytes = check.inRange('requestHeaderBytes', opts.requestHeaderBytes ?? DEFAULT_REQUEST_HEADER_BYTES, 0, limits.headerBytes);
  const responseHeaderBytes = check.inRange('responseHeaderBytes', opts.responseHeaderBytes ?? DEFAULT_RESPONSE_HEADER_BYTES, 0, limits.headerBytes);
  let packets = 0;
  for (const b of bodyBytes) packets += Math.ceil((b + responseHeaderBytes) / settings.mssBytes);
  check.workWithin('objects (bytes / mssBytes)', packets, limits.packets, 'data packets in one page load');
  const randomPath = (p: Path) => p.jitter !== null || p.loss.rate > 0;
  return {
    protocol,
    bodyBytes,
    path,
    rules: transportRules(traits.transport, tls),
    connectionsPerHost,
    scheduling,
    serverMs: check.inRange('serverMs', opts.serverMs ?? 0, 0, limits.serverMs),
    requestHeaderBytes,
    responseHeaderBytes,
    headerRatio: traits.compressesHeaders ? ratio : null,
    migration,
    drops,
    settings,
    random: randomPath(path) || (migration !== null && randomPath(migration.path)),
    packets,
  };
}
