import { strict as assert } from 'node:assert';
import { join } from 'path';
import { failedShare } from '../../../lib/scenarios/globalRouting/failedShare';
import { failureSeries } from '../../../lib/scenarios/globalRouting/failureSeries';
import { simulateGlobalRouting } from '../../../lib/scenarios/globalRouting/simulateGlobalRouting';
import type { GlobalRoutingResult } from '../../../lib/scenarios/globalRouting/globalRoutingReport';
import type { AccessProfile } from '../../../lib/net/path/accessProfiles';
import { loadRegionRtts } from '../../../lib/net/path/loadPlaces';
import { createRng } from '../../../lib/random/rng';

const rtts = loadRegionRtts(join(__dirname, '..', '..', '..', 'data', 'region-rtt.csv'));
const IDEAL: AccessProfile = { name: 'ideal', rttMs: 20, jitterMs: 0, lossRate: 0, meanLossBurst: 1, bandwidthMbps: Infinity, source: 'test' };
const PLACES = ['seoul', 'london', 'sao-paulo'];
/** GeoDNS; Frankfurt (London's region) dead from minute 2 to minute 6 of 10. */
const run: GlobalRoutingResult = simulateGlobalRouting({
  rtts, users: PLACES.map((region) => ({ region, share: 1 / 3, access: IDEAL })), regions: ['virginia', 'tokyo', 'frankfurt', 'sao-paulo'],
  strategy: 'geo-dns', arrivalRate: 30, durationMs: 600_000, ttlS: 60, bucketMs: 30_000,
  failure: { region: 'frankfurt', atMs: 120_000, untilMs: 360_000 }, rng: createRng(5),
});

describe('failedShare', () => {
  it('counts the failed requests by first-send time and place, as a percentage', () => {
    const byHand = (places: string[], from: number, to: number): number => {
      const sent = run.requests.filter((q) => places.includes(q.userRegion) && q.tMs >= from && q.tMs < to);
      return (100 * sent.filter((q) => !q.ok).length) / sent.length;
    };
    assert.equal(failedShare(run, { places: ['london'], fromMs: 120_000, toMs: 200_000 }), byHand(['london'], 120_000, 200_000));
    assert.ok(failedShare(run, { places: ['london'], fromMs: 120_000, toMs: 200_000 }) > 90, 'London is stranded before detection');
    assert.equal(failedShare(run, { places: ['seoul', 'sao-paulo'], fromMs: 120_000, toMs: 360_000 }), 0);
    assert.equal(failedShare(run, { fromMs: 0, toMs: 120_000 }), 0);
    assert.equal(failedShare(run), byHand(PLACES, 0, Infinity));
  });

  it('refuses wrong options with named errors', () => {
    assert.throws(() => failedShare(run, { place: ['london'] } as never), /places/);
    assert.throws(() => failedShare(run, { places: ['paris'] }), /paris/);
    assert.throws(() => failedShare(run, { fromMs: 100, toMs: 50 }), /toMs/);
    assert.throws(() => failedShare({} as GlobalRoutingResult), TypeError);
  });
});

describe('failureSeries', () => {
  it('gives one point per bucket, all regions together, zero before the failure and positive while London is stranded', () => {
    const s = failureSeries(run);
    assert.equal(s.tMs.length, 20);
    assert.deepEqual(s.tMs.slice(0, 3), [0, 30_000, 60_000]);
    assert.ok(s.failedPct.slice(0, 4).every((v) => v === 0));
    assert.ok(s.failedPct[4] > 20 && s.failedPct[4] < 45, `${s.failedPct[4]} %: London's third of the traffic`);
    const b = 5;
    const rows = run.series.filter((r) => r.tMs === b * 30_000);
    assert.equal(s.failedPct[b], (100 * rows.reduce((a, r) => a + r.failed, 0)) / rows.reduce((a, r) => a + r.requests, 0));
  });

  it('refuses what is not a routing result', () => {
    assert.throws(() => failureSeries({} as GlobalRoutingResult), /failureSeries: result must be/);
  });
});
