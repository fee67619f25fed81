/**
 * The course's image-heavy page: a product page of 80 images (one large hero and
 * 79 thumbnails by default, sizes drawn per page, see `imagePageSizes.ts`) loaded
 * from several sites (an origin far away, an edge server nearby) over HTTP/1.1,
 * HTTP/2 and HTTP/3, many seeded times each, packet by packet with `pageLoad`.
 *
 * Common random numbers: load i of every site and protocol fetches the same page
 * (sizes drawn from `rng.fork('page i')`) and meets the same jitter and loss draws
 * (`rng.fork('network i')`), so differences between rows are the site's and the
 * protocol's, not the dice's. Pair it with `paperPageTimes` for the arithmetic.
 *
 * Fidelity is `pageLoad`'s: every image is known when the load starts (no HTML,
 * no discovery, no priorities), one host per site, DNS already resolved, NewReno
 * (the default) or CUBIC congestion control on both transports (`congestionControl`). Each site is a path (`sitePath` builds
 * one from an access profile and a distance) and a fixed server time per object;
 * a CDN edge is assumed to hold every image (no cache misses back to the origin).
 * Servers have no capacity limit (every response leaves as soon as its request
 * arrives, after `serverMs`), so there is no offered load to report and no
 * `unstable` flag: the page's own transfer is all that is measured.
 *
 * Random streams (forks of `rng`): 'page i' draws the image sizes of page i;
 * 'network i' draws every jitter and loss of page i's loads, a fresh fork for
 * each (site, protocol) load, so every site and protocol meets the same draws and
 * changing one site's path never moves another site's numbers.
 *
 * Bounds: at most 100,000 page loads (MAX_IMAGE_PAGE_LOADS), and at most 3·10^7
 * packets in all (MAX_IMAGE_PAGE_PACKETS, about 40 s at about 1 µs a packet),
 * counted before anything is simulated from the drawn pages, every site and
 * protocol, with each site's expected retransmissions at its loss rate.
 */
import * as check from '../../validate';
import { requireRng, type Rng } from '../../random/rng';
import { progressTicker, type ProgressCallback } from '../../sim/progress';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { createPath, type PathOptions } from '../../net/path/path';
import { segmentsFor } from '../../net/tcp/slowStart';
import type { TlsMode } from '../../net/tcp/tls';
import { CONGESTION_CONTROLS, type CongestionControl } from '../../net/congestion/congestionControl';
import { runPageLoad, type PageLoad } from '../../http/pageLoad';
import { DEFAULT_RESPONSE_HEADER_BYTES, planPageLoad } from '../../http/pageLoadPlan';
import type { HttpProtocol } from '../../http/protocols';
import { checkImageSizes, drawImagePage, IMAGE_SIZE_KEYS, type ImageSizeOptions } from './imagePageSizes';
import { checkProtocols } from './imagePagePaper';

/** One site: where the page can be served from. */
export interface ImagePageSite {
  /** Label for tables and legends, unique among the sites. */
  name: string;
  /** The network between the user and this site. */
  path: PathOptions;
  /** Server time per image before its first byte can go (ms ≥ 0, default 0). */
  serverMs?: number;
}

/** The keys of `ImagePageSite` (its `path` is checked by `createPath`'s key list). */
export const SITE_KEYS: readonly (keyof ImagePageSite)[] = ['name', 'path', 'serverMs'];

/** Options of `simulateImagePage`. */
export interface ImagePageOptions extends ImageSizeOptions {
  /** Where the page can be served from (1 to 20 sites). */
  sites: readonly ImagePageSite[];
  /** Protocols to compare (default all three). */
  protocols?: readonly HttpProtocol[];
  /**
   * Seeded page loads per site and protocol (integer in [1, 10000]; at most 100,000
   * loads and 3·10^7 packets in all, see the module header).
   */
  pages: number;
  /** HTTP/1.1's connections per host (integer in [1, 64], default 6, as browsers open). */
  connectionsPerHost?: number;
  /** TLS mode (default '1.3'); HTTP/3 allows '1.3', 'resumed' or '0-rtt'. */
  tls?: TlsMode;
  /** Congestion controller of every connection: 'newreno' (default) or 'cubic' (RFC 9438, Linux's default). */
  congestionControl?: CongestionControl;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** The keys of `ImagePageOptions`. */
export const IMAGE_PAGE_KEYS: readonly (keyof ImagePageOptions)[] = [
  ...IMAGE_SIZE_KEYS, 'sites', 'protocols', 'pages', 'connectionsPerHost', 'tls', 'congestionControl', 'rng', 'onProgress',
];

/** One page load. Times are ms from the start of the load; NaN where the load failed first. */
export interface ImagePageLoad {
  site: string;
  protocol: HttpProtocol;
  /** Which page (0-based): the same index is the same page, and the same network draws, everywhere. */
  page: number;
  /** The page's image bytes (bodies, headers excluded). */
  pageBytes: number;
  /** Last byte of the last image. */
  totalMs: number;
  /** First byte of any image. */
  firstByteMs: number;
  /** Last byte of the last hero image (NaN without heroes). */
  heroDoneMs: number;
  /** Last byte of the last thumbnail (NaN without thumbnails). */
  thumbnailsDoneMs: number;
  /** When the first connection had finished its handshakes. */
  handshakeMs: number;
  /** Connections opened. */
  connections: number;
  /** Data packets sent again. */
  retransmissions: number;
  /** Time images sat complete behind another stream's lost packet, summed over the images. */
  blockedMs: number;
  /** True when a connection gave up after too many timeouts. */
  failed: boolean;
}

/** One site and protocol over all its loads; the time summaries cover the loads that completed. */
export interface ImagePageSummary {
  site: string;
  protocol: HttpProtocol;
  loads: number;
  failed: number;
  totalMs: Summary;
  firstByteMs: Summary;
  heroDoneMs: Summary;
  thumbnailsDoneMs: Summary;
  meanRetransmissions: number;
  meanConnections: number;
}

export interface ImagePageResult {
  /** One record per load, page by page, then site by site, then protocol by protocol. */
  loads: ImagePageLoad[];
  /** One row per site and protocol, in the order given. */
  summary: ImagePageSummary[];
}

/** Most page loads one call may run. */
export const MAX_IMAGE_PAGE_LOADS = 100_000;
/** Most packets one call may send, retransmissions expected at each site's loss rate included (see the header). */
export const MAX_IMAGE_PAGE_PACKETS = 3e7;

/**
 * Loads the course's 80-image page `pages` times from each site over HTTP/1.1,
 * HTTP/2 and HTTP/3, packet by packet, every site and protocol meeting the same
 * page and network draws. Returns each load and, per site and protocol, summaries
 * of the total, first-byte, hero and thumbnail times (ms).
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds.
 *
 * @example
 * ```ts
 * import { createRng, simulateImagePage } from 'netlab';
 *
 * const r = simulateImagePage({ sites: [{ name: 'origin', path: { rttMs: 150 } }, { name: 'edge', path: { rttMs: 20 } }], pages: 1, rng: createRng(1) });
 * r.summary.map((s) => [s.site, s.protocol, s.totalMs.p50]);
 * ```
 */
export function simulateImagePage(opts: ImagePageOptions): ImagePageResult {
  check.options('simulateImagePage', opts, IMAGE_PAGE_KEYS);
  const sizes = checkImageSizes(opts);
  const sites = checkSites(opts.sites);
  const protocols = checkProtocols('protocols', opts.protocols);
  const pages = check.integer('pages', opts.pages, 1, 10_000);
  const connectionsPerHost = check.integer('connectionsPerHost', opts.connectionsPerHost ?? 6, 1, 64);
  const congestionControl = check.oneOf('congestionControl', opts.congestionControl ?? 'newreno', CONGESTION_CONTROLS);
  const rng = requireRng('rng', opts.rng);
  const total = pages * sites.length * protocols.length;
  if (total > MAX_IMAGE_PAGE_LOADS) {
    throw new RangeError(`pages × sites × protocols must be at most ${MAX_IMAGE_PAGE_LOADS} page loads; got ${pages} × ${sites.length} × ${protocols.length} = ${total}`);
  }
  // Draw every page first, so that the work is known before any load runs.
  const drawn = Array.from({ length: pages }, (_, page) => drawImagePage(sizes, rng.fork(`page ${page}`)));
  const packetsPerPageLoad = drawn.reduce((sum, objects) => sum + pagePackets(objects), 0);
  const loadsPerPage = sites.reduce((sum, site) => sum + protocols.length / (1 - site.lossRate), 0);
  check.workWithin('pages × images × sites × protocols', packetsPerPageLoad * loadsPerPage, MAX_IMAGE_PAGE_PACKETS,
    'packets to simulate (image bytes / 1460 per load, with the retransmissions each site\'s loss rate implies)');
  const tick = progressTicker(total, opts.onProgress);
  const heroes = sizes.heroImages;

  const loads: ImagePageLoad[] = [];
  drawn.forEach((objects, page) => {
    const pageBytes = objects.reduce((a, b) => a + b, 0);
    sites.forEach((site, k) => {
      for (const protocol of protocols) {
        const r = check.within(`sites[${k}] (${JSON.stringify(site.name)}), ${protocol}`, () => {
          const plan = planPageLoad({ protocol, objects, path: site.path, connectionsPerHost, tls: opts.tls, serverMs: site.serverMs, congestionControl });
          return runPageLoad(plan, rng.fork(`network ${page}`));
        });
        loads.push(record(site.name, protocol, page, pageBytes, heroes, r));
        tick(loads.length);
      }
    });
  });

  const summary: ImagePageSummary[] = [];
  for (const site of sites) {
    for (const protocol of protocols) {
      const mine = loads.filter((l) => l.site === site.name && l.protocol === protocol);
      const done = mine.filter((l) => !l.failed);
      const of = (pick: (l: ImagePageLoad) => number): Summary => {
        const values = done.map(pick).filter((v) => !Number.isNaN(v));
        return values.length === 0 ? { ...EMPTY_SUMMARY } : summarize(values);
      };
      summary.push({
        site: site.name, protocol, loads: mine.length, failed: mine.length - done.length,
        totalMs: of((l) => l.totalMs), firstByteMs: of((l) => l.firstByteMs),
        heroDoneMs: of((l) => l.heroDoneMs), thumbnailsDoneMs: of((l) => l.thumbnailsDoneMs),
        meanRetransmissions: mine.reduce((a, l) => a + l.retransmissions, 0) / mine.length,
        meanConnections: mine.reduce((a, l) => a + l.connections, 0) / mine.length,
      });
    }
  }
  return { loads, summary };
}

function record(site: string, protocol: HttpProtocol, page: number, pageBytes: number, heroes: number, r: PageLoad): ImagePageLoad {
  let firstByteMs = Infinity;
  let heroDoneMs = heroes > 0 ? 0 : NaN;
  let thumbnailsDoneMs = heroes < r.objects.length ? 0 : NaN;
  let blockedMs = 0;
  for (const o of r.objects) {
    firstByteMs = Math.min(firstByteMs, o.firstByteMs);
    if (o.index < heroes) heroDoneMs = Math.max(heroDoneMs, o.endMs);
    else thumbnailsDoneMs = Math.max(thumbnailsDoneMs, o.endMs);
    blockedMs += o.blockedMs;
  }
  return {
    site, protocol, page, pageBytes,
    totalMs: r.totalMs,
    firstByteMs: Number.isFinite(firstByteMs) ? firstByteMs : NaN,
    heroDoneMs, thumbnailsDoneMs,
    handshakeMs: r.connections[0].readyMs,
    connections: r.connections.length,
    retransmissions: r.retransmissions,
    blockedMs,
    failed: r.failed,
  };
}

/** Packets of one load of a page: each image's body and response headers in 1460-byte segments. */
function pagePackets(objects: readonly number[]): number {
  return objects.reduce((sum, bytes) => sum + segmentsFor(bytes + DEFAULT_RESPONSE_HEADER_BYTES), 0);
}

/** A checked site, with its path's loss rate (for the work bound). */
type CheckedSite = ImagePageSite & { lossRate: number };

function checkSites(value: unknown): CheckedSite[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20) {
    throw new RangeError(`sites must be an array of 1 to 20 sites { name, path, serverMs? }; got ${check.describe(value)}`);
  }
  const names = new Set<string>();
  return value.map((s: ImagePageSite, k) => {
    check.nestedOptions(`sites[${k}]`, s, SITE_KEYS);
    if (typeof s.name !== 'string' || s.name.length === 0) throw new TypeError(`sites[${k}].name must be a non-empty string; got ${check.describe(s.name)}`);
    if (names.has(s.name)) throw new RangeError(`sites[${k}].name ${JSON.stringify(s.name)} is used by another site; names must be unique`);
    names.add(s.name);
    const path = createPath(s.path, `sites[${k}].path`);
    const site: CheckedSite = { name: s.name, path: s.path, lossRate: path.loss.rate };
    if (s.serverMs !== undefined) site.serverMs = check.nonNegative(`sites[${k}].serverMs`, s.serverMs);
    return site;
  });
}
