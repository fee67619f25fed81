import { strict as assert } from 'node:assert';
import { simulateImagePage, type ImagePageOptions } from '../../../lib/scenarios/imagePage/imagePage';
import { paperPageTimes } from '../../../lib/scenarios/imagePage/imagePagePaper';
import { DEFAULT_HERO_BYTES, DEFAULT_THUMBNAIL_BYTES, imagePageObjects, meanImagePage } from '../../../lib/scenarios/imagePage/imagePageSizes';
import { sitePath } from '../../../lib/scenarios/imagePage/sitePath';
import { parseAccessProfiles, getAccessProfile } from '../../../lib/net/path/accessProfiles';
import { pageLoad } from '../../../lib/http/pageLoad';
import { createRng } from '../../../lib/random/rng';

const PROFILES = parseAccessProfiles(
  [
    'name,rttMs,jitterMs,lossRate,meanLossBurst,bandwidthMbps,source',
    'cable,32,6,0.0001,1,200,test',
    '4g,70,20,0.01,2,20,test',
  ].join('\n'),
  'test profiles',
);
const CABLE = getAccessProfile(PROFILES, 'cable');
const SEOUL_VIRGINIA_MS = 187;
const METRO_MS = 5;

/** The course's page with fixed sizes: one 500 KB hero, 79 thumbnails of 30 KB. */
const FIXED = { thumbnailBytes: 30_000, heroBytes: 500_000 };
const run = (over: Partial<ImagePageOptions>) => simulateImagePage({ sites: [{ name: 'clean', path: { rttMs: 150 } }], pages: 1, rng: createRng(1), ...over });
const median = (r: ReturnType<typeof simulateImagePage>, site: string, protocol: string): number =>
  r.summary.find((s) => s.site === site && s.protocol === protocol)!.totalMs.p50;

describe('paperPageTimes: the course arithmetic and the packet model on a clean path', () => {
  it("gives the course's 80 × 150 ms = 12 s, and 87 round trips with handshakes and slow start", () => {
    const [sequential, parallel, h2, h3] = paperPageTimes({ objects: [500_000, ...Array<number>(79).fill(30_000)], rttMs: 150 });
    // Hero: 500,400 B = 343 segments, 6 slow-start rounds from a window of 10 (10 · 63 ≥ 343); its
    // window then carries a 21-segment thumbnail per round: 2 (TCP + TLS 1.3) + 6 + 79 = 87 round trips.
    assert.deepEqual([sequential.courseMs, sequential.handshakeRounds, sequential.slowStartRounds, sequential.rounds, sequential.roundTripMs], [12_000, 2, 5, 87, 13_050]);
    assert.equal(parallel.courseMs, 14 * 150);
    // Multiplexed: 343 + 79 · 21 = 2002 segments need 8 rounds (10 · 255 ≥ 2002), after 2 (TCP) or 1 (QUIC) of handshake.
    assert.deepEqual([h2.rounds, h2.roundTripMs, h3.rounds, h3.roundTripMs], [10, 1500, 9, 1350]);
  });

  it('matches the simulated load exactly with no jitter, loss or bandwidth limit (fixed and drawn pages)', () => {
    const fixed = run({ ...FIXED, connectionsPerHost: 1 });
    const paper = paperPageTimes({ objects: [500_000, ...Array<number>(79).fill(30_000)], rttMs: 150, connectionsPerHost: 1 });
    for (const row of paper) assert.equal(fixed.loads.find((l) => l.protocol === row.protocol)!.totalMs, row.roundTripMs, row.label);
    assert.equal(fixed.loads[0].totalMs, 13_050);

    // Drawn pages, six connections, server time: still exact, load by load.
    const rng = createRng(7);
    const drawn = simulateImagePage({ sites: [{ name: 'clean', path: { rttMs: 219 }, serverMs: 3 }], pages: 5, rng });
    for (const load of drawn.loads) {
      const objects = imagePageObjects({}, rng.fork(`page ${load.page}`));
      const row = paperPageTimes({ objects, rttMs: 219, serverMs: 3, protocols: [load.protocol] }).find((r) => r.connections !== 1 || r.strategy === 'multiplexed')!;
      assert.equal(load.totalMs, row.roundTripMs, `page ${load.page} ${load.protocol}`);
    }
  });

  it('bounds a bandwidth-limited sequential load: at most round trips + transfer, and within 5 % of it', () => {
    // One request at a time overlaps nothing between objects; within one object (the hero) the last
    // slow-start rounds and its transfer overlap a little, so the sum is an upper bound (measured 2.5 % over at 37 ms).
    const objects = meanImagePage();
    for (const rttMs of [37, 219]) {
      const row = paperPageTimes({ objects, rttMs, bandwidthMbps: 20, connectionsPerHost: 1, protocols: ['http1.1'] })[0];
      const sim = pageLoad({ protocol: 'http1.1', connectionsPerHost: 1, objects, path: { rttMs, bandwidthMbps: 20 } }).totalMs;
      assert.ok(sim <= row.estimateMs && sim > 0.95 * row.estimateMs, `RTT ${rttMs}: sim ${sim}, paper ${row.estimateMs}`);
    }
  });

  it('rejects bad input naming the option', () => {
    assert.throws(() => paperPageTimes({ objects: [], rttMs: 100 }), /objects/);
    assert.throws(() => paperPageTimes({ objects: [1000, -1], rttMs: 100 }), /objects\[1\]/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: -5 }), /rttMs/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 100, connectionsPerHost: 0 }), /connectionsPerHost/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 100, tls: '1.2' }), /tls/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 100, rtt: 5 } as never), /paperPageTimes: unknown option "rtt" \(did you mean "rttMs"\?\)/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 100, tls: null } as never), TypeError);
  });

  it('refuses sizes and delays beyond its bounds rather than answering NaN or Infinity', () => {
    assert.throws(() => paperPageTimes({ objects: [1e300], rttMs: 100 }), /objects\[0\].*1000000000000000/);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 1e300 }), RangeError);
    assert.throws(() => paperPageTimes({ objects: [1000], rttMs: 100, bandwidthMbps: 1e-300 }), /bandwidthMbps/);
    const big = paperPageTimes({ objects: [1e15, 1e15], rttMs: 3_600_000, bandwidthMbps: 0.001, serverMs: 3_600_000 });
    for (const row of big) for (const v of Object.values(row)) if (typeof v === 'number') assert.ok(Number.isFinite(v), `${row.label}: ${v}`);
  });
});

describe('simulateImagePage', () => {
  it('edge beats origin by the RTT ratio on a clean path, and by less once bandwidth and jitter count', () => {
    const clean = simulateImagePage({
      sites: [{ name: 'origin', path: { rttMs: 219 } }, { name: 'edge', path: { rttMs: 37 } }], pages: 3, rng: createRng(2),
    });
    for (const p of ['http1.1', 'http2', 'http3']) assert.equal(median(clean, 'origin', p) / median(clean, 'edge', p), 219 / 37, p);

    // Cable profile, 40 pages: the transfer at 200 Mbit/s does not shrink with distance, so the ratio
    // falls below the RTT ratio (5.9), but stays above half of it (measured 4.1–5.2).
    const cable = simulateImagePage({
      sites: [{ name: 'origin', path: sitePath(CABLE, SEOUL_VIRGINIA_MS) }, { name: 'edge', path: sitePath(CABLE, METRO_MS) }],
      pages: 40, rng: createRng(3),
    });
    const rttRatio = (CABLE.rttMs + SEOUL_VIRGINIA_MS) / (CABLE.rttMs + METRO_MS);
    for (const p of ['http1.1', 'http2', 'http3']) {
      const ratio = median(cable, 'origin', p) / median(cable, 'edge', p);
      assert.ok(ratio > rttRatio / 2 && ratio < rttRatio, `${p}: origin/edge ${ratio}, RTT ratio ${rttRatio}`);
    }
  });

  it('HTTP/2 and HTTP/3 beat HTTP/1.1 at high RTT (cable, Seoul → Virginia): median below 0.75 of it', () => {
    // Measured about 0.45–0.6; HTTP/1.1 needs ⌈80/6⌉ round trips at least, HTTP/2 about 10.
    const r = simulateImagePage({ sites: [{ name: 'origin', path: sitePath(CABLE, SEOUL_VIRGINIA_MS) }], pages: 40, rng: createRng(4) });
    const h1 = median(r, 'origin', 'http1.1');
    assert.ok(median(r, 'origin', 'http2') < 0.75 * h1 && median(r, 'origin', 'http3') < median(r, 'origin', 'http2'));
  });

  it('records each load consistently, with the same page and network draws for every site and protocol', () => {
    const r = simulateImagePage({
      sites: [{ name: 'origin', path: sitePath(CABLE, SEOUL_VIRGINIA_MS) }, { name: 'edge', path: sitePath(CABLE, METRO_MS) }],
      pages: 4, rng: createRng(5),
    });
    assert.equal(r.loads.length, 4 * 2 * 3);
    assert.equal(r.summary.length, 6);
    for (const l of r.loads) {
      assert.equal(l.totalMs, Math.max(l.heroDoneMs, l.thumbnailsDoneMs));
      assert.ok(l.firstByteMs > l.handshakeMs && l.handshakeMs > 0);
      assert.equal(l.connections, l.protocol === 'http1.1' ? 6 : 1);
      assert.equal(l.pageBytes, r.loads.find((m) => m.page === l.page)!.pageBytes);
    }
    const noHero = run({ heroImages: 0, images: 10 }).loads[0];
    assert.ok(Number.isNaN(noHero.heroDoneMs) && noHero.thumbnailsDoneMs === noHero.totalMs);
  });

  it('is deterministic: the same seed gives the same records, another seed others', () => {
    const opts = (seed: number): ImagePageOptions => ({ sites: [{ name: 'cable', path: sitePath(CABLE, SEOUL_VIRGINIA_MS) }], pages: 3, rng: createRng(seed) });
    assert.deepEqual(simulateImagePage(opts(9)), simulateImagePage(opts(9)));
    assert.notDeepEqual(simulateImagePage(opts(9)).loads, simulateImagePage(opts(10)).loads);
  });

  it('reports progress up to the total', () => {
    const seen: number[] = [];
    run({ pages: 2, onProgress: (done, total) => seen.push(done / total) });
    assert.equal(seen[seen.length - 1], 1);
  });

  it('rejects bad input naming the option', () => {
    const site = { name: 'a', path: { rttMs: 10 } };
    assert.throws(() => run({ pages: 0 }), /pages/);
    assert.throws(() => run({ pages: 1.5 }), /pages/);
    assert.throws(() => run({ sites: [] }), /sites/);
    assert.throws(() => run({ sites: [site, site] }), /sites\[1\]\.name/);
    assert.throws(() => run({ sites: [{ ...site, serverMs: -1 }] }), /sites\[0\]\.serverMs/);
    assert.throws(() => run({ sites: [{ name: 'a', path: { rttMs: -1 } }] }), /sites\[0\].*rttMs/);
    assert.throws(() => run({ sites: [{ ...site, rtt: 3 } as never] }), /unknown option "sites\[0\]\.rtt"/);
    assert.throws(() => run({ sites: [{ ...site, serverMS: 3 } as never] }), /unknown option "sites\[0\]\.serverMS" \(did you mean "sites\[0\]\.serverMs"\?\)/);
    assert.throws(() => run({ sites: [{ name: 'a', path: { rttMs: 10, lossrate: 0.1 } as never }] }), /unknown option "sites\[0\]\.path\.lossrate" \(did you mean "sites\[0\]\.path\.lossRate"\?\)/);
    assert.throws(() => run({ sites: [{ name: 'a', path: null as never }] }), /sites\[0\]\.path is null/);
    assert.throws(() => run({ sites: [{ ...site, serverMs: null as never }] }), /sites\[0\]\.serverMs is null/);
    assert.throws(() => run({ tls: null as never }), /simulateImagePage: option tls is null/);
    assert.throws(() => run({ protocols: ['http4' as never] }), /protocols\[0\]/);
    assert.throws(() => run({ protocols: ['http2', 'http2'] }), /protocols/);
    assert.throws(() => run({ images: 0 }), /images/);
    assert.throws(() => run({ heroImages: 81 }), /heroImages/);
    assert.throws(() => run({ thumbnailBytes: -5 }), /thumbnailBytes/);
    assert.throws(() => run({ heroBytes: {} as never }), /heroBytes/);
    assert.throws(() => run({ connectionsPerHost: 0 }), /connectionsPerHost/);
    assert.throws(() => run({ tls: '1.2' }), /sites\[0\].*http3.*tls/);
    assert.throws(() => run({ rng: undefined as never }), /rng/);
    assert.throws(() => run({ page: 3 } as never), /simulateImagePage: unknown option "page" \(did you mean "pages"\?\)/);
    assert.throws(() => run({ pages: 10_000, sites: Array.from({ length: 4 }, (_, i) => ({ ...site, name: `s${i}` })) }), /at most 100000 page loads/);
  });

  it('refuses up front a call whose packets would run for minutes, counting retransmissions at the loss rate', () => {
    // 79 thumbnails of 10^12 bytes: about 5·10^10 packets. Refused before any load runs.
    const start = performance.now();
    assert.throws(() => run({ thumbnailBytes: 1e12 }), /packets to simulate.*the limit is 3\.00e\+7/);
    // 10,000 default pages (about 2,400 packets each) over three protocols: 7·10^7 packets.
    assert.throws(() => run({ pages: 10_000 }), /pages × images × sites × protocols imply 7\.\d+e\+7 packets/);
    // 2,500 fixed pages (2,002 packets a load, 1.5·10^7 over three protocols) fit on a clean path, not where half the packets are lost.
    const sites = (lossRate: number) => [{ name: 'a', path: { rttMs: 10, lossRate } }];
    assert.throws(() => run({ ...FIXED, pages: 2_500, sites: sites(0.5) }), /packets to simulate/);
    assert.ok(performance.now() - start < 2000);
  });

  it('names the option of a bad size or jitter draw at the first bad draw', () => {
    const nan = { label: 'broken', sample: () => NaN };
    assert.throws(() => run({ thumbnailBytes: nan }), /thumbnailBytes must yield sizes >= 0 bytes; broken gave NaN/);
    assert.throws(() => run({ heroBytes: { label: 'huge', sample: () => Infinity } }), /heroBytes.*huge gave Infinity/);
    assert.throws(() => run({ sites: [{ name: 'a', path: { rttMs: 10, jitter: { label: 'negative', sample: () => -1 } } }] }),
      /sites\[0\] \("a"\), http1\.1: .*jitter.*negative gave -1/);
  });

  it("keeps one site's draws when another site's path changes (common random numbers across sites)", () => {
    const opts = (originLoss: number): ImagePageOptions => ({
      sites: [{ name: 'origin', path: { rttMs: 219, lossRate: originLoss, jitterMs: 4 } }, { name: 'edge', path: sitePath(CABLE, METRO_MS) }],
      pages: 3, rng: createRng(21),
    });
    const a = simulateImagePage(opts(0.001));
    const b = simulateImagePage(opts(0.05));
    const edge = (r: ReturnType<typeof simulateImagePage>) => r.loads.filter((l) => l.site === 'edge');
    assert.deepEqual(edge(a), edge(b));
    assert.notDeepEqual(a.loads.filter((l) => l.site === 'origin'), b.loads.filter((l) => l.site === 'origin'));
    // The same page everywhere: the page draws do not depend on the sites at all.
    assert.deepEqual(a.loads.map((l) => l.pageBytes), b.loads.map((l) => l.pageBytes));
  });
});

describe('image sizes and site paths', () => {
  it('the average page puts the heroes first at their mean size', () => {
    const page = meanImagePage();
    assert.equal(page.length, 80);
    assert.equal(page[0], Math.round(DEFAULT_HERO_BYTES.mean!));
    assert.ok(page.slice(1).every((b) => b === Math.round(DEFAULT_THUMBNAIL_BYTES.mean!)));
    // Log-normal, median 30 KB, p99 120 KB: mean = 30,000 · exp(σ²/2) with σ = ln 4 / 2.3263.
    assert.equal(page[1], Math.round(30_000 * Math.exp((Math.log(4) / 2.3263478740408408) ** 2 / 2)));
    assert.deepEqual(meanImagePage({ images: 3, heroImages: 2, heroBytes: 9, thumbnailBytes: 1 }), [9, 9, 1]);
    assert.throws(() => meanImagePage({ images: 2, heroImages: 3 }), /heroImages/);
  });

  it('drawn sizes follow the distributions: thumbnail median near 30 KB (within 5 % over 4000 draws)', () => {
    const rng = createRng(11);
    const thumbs: number[] = [];
    for (let i = 0; i < 50; i++) thumbs.push(...imagePageObjects({}, rng.fork(`p${i}`)).slice(1));
    thumbs.sort((a, b) => a - b);
    assert.ok(Math.abs(thumbs[thumbs.length >> 1] / 30_000 - 1) < 0.05);
  });

  it('sitePath adds the distance to the access round trip and keeps jitter, loss and bandwidth', () => {
    const origin = sitePath(CABLE, SEOUL_VIRGINIA_MS);
    assert.equal(origin.rttMs, 219);
    assert.equal(origin.bandwidthMbps, 200);
    assert.equal(origin.loss!.rate, 0.0001);
    assert.equal(origin.jitter!.mean, 3);   // two one-way draws of mean 3 ms: 6 ms per round trip
    const lte = sitePath(getAccessProfile(PROFILES, '4g'), METRO_MS);
    assert.equal(lte.rttMs, 75);
    assert.match(lte.loss!.label, /Gilbert–Elliott/);
    assert.throws(() => sitePath(CABLE, -1), /distanceRttMs/);
  });
});
