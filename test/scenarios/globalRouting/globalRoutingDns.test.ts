import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { dnsAnswerPolicy, nearestRegions } from '../../../lib/scenarios/globalRouting/globalRoutingDns';
import { dnsHealthView } from '../../../lib/scenarios/globalRouting/globalRoutingHealth';
import { RegionalResolvers } from '../../../lib/scenarios/globalRouting/regionalResolvers';
import { DNS_HEALTH_CHECK_DEFAULTS } from '../../../lib/scenarios/globalRouting/globalRoutingOptions';
import { detectionBoundMs } from '../../../lib/balance/cluster/healthCheck';
import { loadRegionRtts } from '../../../lib/net/path/loadPlaces';
import { createRng } from '../../../lib/random/rng';

const rtts = loadRegionRtts(join(__dirname, '..', '..', '..', 'data', 'region-rtt.csv'));
const FOUR = ['virginia', 'tokyo', 'frankfurt', 'sao-paulo'];
const PLACES = ['seoul', 'london', 'sao-paulo'];
const allUp = (): boolean => true;

describe('global routing DNS: answers per strategy', () => {
  it('orders regions by the measured RTT from the place (Seoul: Tokyo 29, Virginia 187, Frankfurt 218, São Paulo 294 ms)', () => {
    assert.deepEqual(nearestRegions(rtts, 'seoul', FOUR).map((i) => FOUR[i]), ['tokyo', 'virginia', 'frankfurt', 'sao-paulo']);
    assert.deepEqual(nearestRegions(rtts, 'london', FOUR).map((i) => FOUR[i]), ['frankfurt', 'virginia', 'sao-paulo', 'tokyo']);
    assert.deepEqual(nearestRegions(rtts, 'sao-paulo', FOUR).map((i) => FOUR[i]), ['sao-paulo', 'virginia', 'frankfurt', 'tokyo']);
  });

  it('geo-dns answers the nearest healthy region, and fails open when none is healthy', () => {
    const geo = dnsAnswerPolicy('geo-dns', rtts, FOUR, PLACES);
    assert.deepEqual(PLACES.map((_, p) => FOUR[geo.answer(p, allUp)]), ['tokyo', 'frankfurt', 'sao-paulo']);
    const tokyoDown = (r: number): boolean => FOUR[r] !== 'tokyo';
    assert.equal(FOUR[geo.answer(0, tokyoDown)], 'virginia');
    assert.equal(FOUR[geo.answer(0, () => false)], 'tokyo');
  });

  it('round robin rotates blind to the place, skipping regions marked down', () => {
    const rr = dnsAnswerPolicy('dns-round-robin', rtts, FOUR, PLACES);
    assert.deepEqual([0, 1, 2, 0, 1, 2, 0, 1].map((p) => FOUR[rr.answer(p, allUp)]), [...FOUR, ...FOUR]);
    const frankfurtDown = (r: number): boolean => FOUR[r] !== 'frankfurt';
    const answers = Array.from({ length: 6 }, (_, k) => FOUR[rr.answer(k % 3, frankfurtDown)]);
    assert.ok(!answers.includes('frankfurt'));
    assert.deepEqual(new Set(answers), new Set(['virginia', 'tokyo', 'sao-paulo']));
    const failOpen = [0, 1, 2, 3].map(() => rr.answer(0, () => false));
    assert.equal(new Set(failOpen).size, 4, 'with no region healthy it rotates over all of them');
  });

  it('single-region always answers its one region', () => {
    const one = dnsAnswerPolicy('single-region', rtts, ['virginia'], PLACES);
    assert.deepEqual(PLACES.map((_, p) => one.answer(p, () => false)), [0, 0, 0]);
  });
});

describe('global routing DNS: the health view and the resolvers', () => {
  const hc = { ...DNS_HEALTH_CHECK_DEFAULTS };
  const failure = { regionIndex: 2, atMs: 100_000, untilMs: 400_000 };

  it('notices an outage within the detection bound (3 × 30 s + 4 s = 94 s) and restores the region after it ends', () => {
    assert.equal(detectionBoundMs(hc), 94_000);
    for (let seed = 1; seed <= 20; seed++) {
      const view = dnsHealthView(failure, hc, createRng(seed), 1_000_000);
      const detected = view.detectedAtMs as number;
      assert.ok(detected > failure.atMs && detected <= failure.atMs + 94_000, `seed ${seed}: detected at ${detected}`);
      const restored = view.restoredAtMs as number;
      assert.ok(restored > failure.untilMs && restored <= failure.untilMs + 3 * 30_000, `seed ${seed}: restored at ${restored}`);
      assert.equal(view.healthy(2, detected - 1), true);
      assert.equal(view.healthy(2, detected), false);
      assert.equal(view.healthy(2, restored), true);
      assert.equal(view.healthy(1, detected), true);
    }
  });

  it('never notices without health checks, nor an outage shorter than two probe intervals', () => {
    assert.equal(dnsHealthView(failure, null, createRng(1), 1e6).detectedAtMs, null);
    const blip = dnsHealthView({ regionIndex: 2, atMs: 100_000, untilMs: 140_000 }, hc, createRng(1), 1e6);
    assert.equal(blip.detectedAtMs, null);
    assert.equal(blip.healthy(2, 120_000), true);
  });

  it('resolvers keep an answer for the TTL (boundary exclusive) and never store a TTL of 0', () => {
    const rr = dnsAnswerPolicy('dns-round-robin', rtts, FOUR, ['seoul']);
    const res = new RegionalResolvers(1, 1, 60_000, rr, [createRng(1)], allUp);
    const first = res.lookup(0, 100_000, allUp);      // the warm entry has expired by then
    assert.equal(res.lookup(0, 159_999, allUp), first);
    assert.notEqual(res.lookup(0, 160_000, allUp), first);
    assert.deepEqual([res.hits, res.misses], [1, 2]);
    const none = new RegionalResolvers(1, 1, 0, dnsAnswerPolicy('dns-round-robin', rtts, FOUR, ['seoul']), [createRng(1)], allUp);
    const seen = [0, 1, 2, 3].map((k) => none.lookup(0, k, allUp));
    assert.equal(new Set(seen).size, 4);
    assert.equal(none.hits, 0);
  });
});
