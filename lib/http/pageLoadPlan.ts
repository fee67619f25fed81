/**
 * The options of a page load, validated once and turned into a plan the loaders
 * run (and that many seeded runs can share).
 */
import * as check from '../validate';
import { createPath, type Path, type PathOptions } from '../net/path';
import { DEFAULT_INITCWND, DEFAULT_MSS_BYTES } from '../net/slowStart';
import type { TlsMode } from '../net/tls';
import { QUIC_TLS_MODES, transportRules, type TransportRules } from '../net/transportRules';
import type { StreamScheduling } from '../net/streamScheduler';
import type { TransferSettings } from '../net/packetTransfer';
import type { Rng } from '../random/rng';
import { DEFAULT_HEADER_RATIO } from './headerCompression';
import { HTTP_PROTOCOLS, PROTOCOL_TRAITS, type HttpProtocol } from './protocols';

/** Default request header block (bytes): a browser's GET with cookies, a representative choice. */
export const DEFAULT_REQUEST_HEADER_BYTES = 700;
/** Default response header block (bytes), a representative choice. */
export const DEFAULT_RESPONSE_HEADER_BYTES = 400;

export interface MigrationOptions {
  /** When the client's address changes (ms after the page load starts, > 0). */
  atMs: number;
  /** The network after the change (e.g. cellular after Wi-Fi). */
  path: PathOptions;
}

export interface PageLoadOptions {
  protocol: HttpProtocol;
  /** Response body size of each object (bytes, ≥ 0), in the order the page requests them. */
  objects: readonly number[];
  /** The network between client and server. */
  path: PathOptions;
  /** HTTP/1.1's connections per host (integer in [1, 64], default 6). */
  connectionsPerHost?: number;
  /** TLS mode (default '1.3'); HTTP/3 allows '1.3', 'resumed' or '0-rtt'. */
  tls?: TlsMode;
  /** Initial congestion window (packets, default 10, RFC 6928). */
  initcwnd?: number;
  /** Maximum segment size (bytes, default 1460). */
  mssBytes?: number;
  /** Server time per object before its first byte can go (ms, default 0). */
  serverMs?: number;
  /** Full size of a request header block (bytes, default 700). */
  requestHeaderBytes?: number;
  /** Full size of a response header block (bytes, default 400). */
  responseHeaderBytes?: number;
  /** Size of a later, compressed header block relative to the full one, in [0, 1] (HTTP/2 and /3; default 0.15). */
  headerRatio?: number;
  /** How the server interleaves responses on one connection (HTTP/2 and /3; default 'round-robin'). */
  scheduling?: StreamScheduling;
  /** The client's address changes mid-load. */
  migration?: MigrationOptions;
  /** Data packets to lose on purpose, by number in the order the server sends them (0-based), on top of the path's loss. */
  dropPackets?: readonly number[];
  /** Consecutive timeouts before a connection gives up (integer in [1, 30], default 15). */
  maxRetries?: number;
  /** Needed when the path has jitter or loss. */
  rng?: Rng;
}

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
}

const SCHEDULING: readonly StreamScheduling[] = ['round-robin', 'sequential'];

export function planPageLoad(opts: PageLoadOptions): PageLoadPlan {
  check.legacyOptions('pageLoad', opts);
  const protocol = check.oneOf('protocol', opts.protocol, HTTP_PROTOCOLS);
  const traits = PROTOCOL_TRAITS[protocol];
  if (!Array.isArray(opts.objects) || opts.objects.length === 0) {
    throw new RangeError(`objects must be a non-empty array of response sizes in bytes; got ${check.describe(opts.objects)}`);
  }
  if (opts.objects.length > 10_000) throw new RangeError(`objects must hold at most 10000 sizes; got ${opts.objects.length}`);
  const bodyBytes = opts.objects.map((b, i) => check.nonNegative(`objects[${i}]`, b));
  const path = createPath(check.legacyOptions('path', opts.path));
  const tls = opts.tls ?? '1.3';
  if (traits.transport === 'quic' && !QUIC_TLS_MODES.includes(tls)) {
    throw new RangeError(`tls must be one of ${QUIC_TLS_MODES.map((m) => `'${m}'`).join(', ')} for http3 (QUIC always runs TLS 1.3); got ${check.describe(tls)}`);
  }
  const connectionsPerHost = check.integer('connectionsPerHost', opts.connectionsPerHost ?? 6, 1, 64);
  const scheduling = check.oneOf('scheduling', opts.scheduling ?? 'round-robin', SCHEDULING);
  const ratio = check.inRange('headerRatio', opts.headerRatio ?? DEFAULT_HEADER_RATIO, 0, 1);
  let migration: PageLoadPlan['migration'] = null;
  if (opts.migration !== undefined) {
    const m = check.legacyOptions('migration', opts.migration);
    migration = { atMs: check.positive('migration.atMs', m.atMs), path: createPath(check.legacyOptions('migration.path', m.path)) };
  }
  let drops: Set<number> | null = null;
  if (opts.dropPackets !== undefined) {
    if (!Array.isArray(opts.dropPackets)) throw new TypeError(`dropPackets must be an array of packet numbers; got ${check.describe(opts.dropPackets)}`);
    drops = new Set(opts.dropPackets.map((n, i) => check.integer(`dropPackets[${i}]`, n, 0)));
  }
  const randomPath = (p: Path) => p.jitter !== null || p.loss.rate > 0;
  return {
    protocol,
    bodyBytes,
    path,
    rules: transportRules(traits.transport, tls),
    connectionsPerHost,
    scheduling,
    serverMs: check.nonNegative('serverMs', opts.serverMs ?? 0),
    requestHeaderBytes: check.nonNegative('requestHeaderBytes', opts.requestHeaderBytes ?? DEFAULT_REQUEST_HEADER_BYTES),
    responseHeaderBytes: check.nonNegative('responseHeaderBytes', opts.responseHeaderBytes ?? DEFAULT_RESPONSE_HEADER_BYTES),
    headerRatio: traits.compressesHeaders ? ratio : null,
    migration,
    drops,
    settings: {
      mssBytes: check.integer('mssBytes', opts.mssBytes ?? DEFAULT_MSS_BYTES, 1, 65_535),
      initcwnd: check.integer('initcwnd', opts.initcwnd ?? DEFAULT_INITCWND, 1, 1000),
      maxRetries: check.integer('maxRetries', opts.maxRetries ?? 15, 1, 30),
    },
    random: randomPath(path) || (migration !== null && randomPath(migration.path)),
  };
}
