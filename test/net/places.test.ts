import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../lib/net/path/csv';
import { parseRegionRtts } from '../../lib/net/path/regionRtts';
import { accessPath, getAccessProfile, parseAccessProfiles, type AccessProfile } from '../../lib/net/path/accessProfiles';
import { loadAccessProfiles, loadRegionRtts } from '../../lib/net/path/loadPlaces';
import { roundTripMs } from '../../lib/net/path/path';
import { createRng } from '../../lib/random';

const DATA = join(__dirname, '..', '..', 'data');
const REGION_FILE = join(DATA, 'region-rtt.csv');
const PROFILE_FILE = join(DATA, 'access-profiles.csv');

/** Asserts that `fn` throws an error whose message contains every fragment. */
function throwsWith(fn: () => unknown, ...fragments: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof Error, 'throws an Error');
    for (const f of fragments) assert.ok(e.message.includes(f), `message ${JSON.stringify(e.message)} should include ${JSON.stringify(f)}`);
    return true;
  });
}

describe('region RTT data (data/region-rtt.csv)', () => {
  const rtts = loadRegionRtts(REGION_FILE);

  it('has the regions the course needs, and a figure for every pair', () => {
    for (const r of ['seoul', 'tokyo', 'virginia', 'frankfurt', 'london', 'sao-paulo', 'sydney', 'singapore', 'california']) {
      assert.ok(rtts.has(r), `missing region ${r}`);
    }
    for (const a of rtts.regions) {
      for (const b of rtts.regions) {
        const v = rtts.rttMs(a, b);
        assert.ok(Number.isFinite(v) && v >= 0, `${a} → ${b}: ${v}`);
        if (a !== b) assert.ok(v > 0, `${a} → ${b} must be > 0`);
      }
    }
  });

  it('matches Azure P50 figures for June 2025 (row = source region, column = destination)', () => {
    assert.equal(rtts.rttMs('seoul', 'virginia'), 187); // Korea Central → East US
    assert.equal(rtts.rttMs('virginia', 'seoul'), 185); // East US → Korea Central
    assert.equal(rtts.rttMs('seoul', 'tokyo'), 29);
    assert.equal(rtts.rttMs('london', 'frankfurt'), 17);
    assert.equal(rtts.rttMs('sao-paulo', 'virginia'), 119);
    assert.equal(rtts.rttMs('virginia', 'sao-paulo'), 117);
    assert.equal(rtts.rttMs('sydney', 'london'), 247);
  });

  it('every row names the Azure source key', () => {
    assert.ok(rtts.rows.length >= 90);
    for (const row of rtts.rows) assert.equal(row.source, 'azure-p50-2025-06');
  });

  it('fails for an unknown region, naming the known ones', () => {
    throwsWith(() => rtts.rttMs('seoul', 'atlantis'), 'atlantis', 'known regions', 'seoul', 'sao-paulo');
    throwsWith(() => rtts.rttMs('Seoul', 'tokyo'), '"Seoul"', 'known regions');
    assert.throws(() => rtts.rttMs({} as never, 'tokyo'), (e: Error) => e instanceof TypeError && /^from must be a region name \(a string\); got an object; known regions in .*: seoul/.test(e.message));
  });
});

describe('parseRegionRtts lookup rules', () => {
  const text = ['from,to,rttMs', 'a,b,10', 'b,a,12', 'a,c,30', 'c,c,1', 'b,c,25'].join('\n');
  const rtts = parseRegionRtts(text, 'mini.csv');

  it('reads each direction as listed', () => {
    assert.equal(rtts.rttMs('a', 'b'), 10);
    assert.equal(rtts.rttMs('b', 'a'), 12);
  });

  it('takes the reverse direction when one is missing', () => {
    assert.equal(rtts.rttMs('c', 'a'), 30);
    assert.equal(rtts.rttMs('c', 'b'), 25);
  });

  it('gives 0 within a region unless the file lists that region to itself', () => {
    assert.equal(rtts.rttMs('a', 'a'), 0);
    assert.equal(rtts.rttMs('c', 'c'), 1);
  });

  it('lists regions in order of appearance; source is empty without a source column', () => {
    assert.deepEqual(rtts.regions, ['a', 'b', 'c']);
    assert.equal(rtts.rows[0].source, '');
  });

  it('accepts columns in any order, CRLF line ends, comments and blank lines', () => {
    const r = parseRegionRtts('# comment\r\nrttMs,to,from\r\n\r\n5,y,x\r\n', 'crlf.csv');
    assert.equal(r.rttMs('y', 'x'), 5);
  });
});

describe('parseRegionRtts rejects bad input, naming source, line, column and value', () => {
  const parse = (body: string) => () => parseRegionRtts(body, 'bad.csv');

  it('a header with a missing, unknown or repeated column', () => {
    throwsWith(parse('from,to,rtt\na,b,1'), 'bad.csv line 1', '"rtt"', 'unknown column');
    throwsWith(parse('from,to\na,b'), 'bad.csv line 1', 'missing column "rttMs"');
    throwsWith(parse('from,to,rttMs,rttMs\na,b,1,2'), 'appears twice');
  });

  it('an empty file or a header alone', () => {
    throwsWith(parse(''), 'bad.csv', 'no header');
    throwsWith(parse('from,to,rttMs\n'), 'bad.csv', 'no data lines');
  });

  it('a record with the wrong number of cells', () => {
    throwsWith(parse('from,to,rttMs\na,b,1\na,c'), 'bad.csv line 3', 'expected 3 cells');
  });

  it('a value that is not a number', () => {
    throwsWith(parse('from,to,rttMs\na,b,fast'), 'bad.csv line 2', 'column "rttMs"', '"fast"');
    throwsWith(parse('from,to,rttMs\na,b,'), 'bad.csv line 2', 'column "rttMs"', '""');
    throwsWith(parse('from,to,rttMs\na,b,Infinity'), 'column "rttMs"', '"Infinity"');
  });

  it('a negative round-trip time', () => {
    throwsWith(parse('from,to,rttMs\na,b,10\nb,c,-3\na,c,1'), 'bad.csv line 3', 'column "rttMs"', '>= 0', '-3');
  });

  it('a malformed region id', () => {
    throwsWith(parse('from,to,rttMs\nSão Paulo,b,10'), 'bad.csv line 2', 'column "from"', 'São Paulo');
  });

  it('a duplicate pair', () => {
    throwsWith(parse('from,to,rttMs\na,b,10\nb,a,11\na,b,12'), 'bad.csv line 4', 'duplicate pair a → b', 'line 2');
  });

  it('a pair missing in both directions', () => {
    throwsWith(parse('from,to,rttMs\na,b,10\nb,c,11'), 'bad.csv', 'between a and c');
  });

  it('an empty source cell when the column exists', () => {
    throwsWith(parse('from,to,rttMs,source\na,b,10,'), 'bad.csv line 2', 'column "source"');
  });

  it('a missing source name', () => {
    throwsWith(() => parseRegionRtts('from,to,rttMs\na,b,1', ''), 'sourceName');
  });
});

describe('access profiles (data/access-profiles.csv)', () => {
  const profiles = loadAccessProfiles(PROFILE_FILE);

  it('has the technologies the course needs, each with a source', () => {
    const names = profiles.map((p) => p.name);
    for (const n of ['fibre', 'cable', 'wifi', '4g', '3g', 'satellite-geo', 'satellite-leo']) assert.ok(names.includes(n), `missing ${n}`);
    for (const p of profiles) assert.ok(p.source.length > 0, `${p.name} has no source`);
  });

  it('matches the cited figures', () => {
    assert.equal(getAccessProfile(profiles, 'fibre').rttMs, 24); // FCC MBA, fibre-to-the-home
    assert.equal(getAccessProfile(profiles, 'cable').rttMs, 32); // FCC MBA, cable
    assert.equal(getAccessProfile(profiles, '4g').lossRate, 0.01); // course text: ~1% on cellular
    assert.equal(getAccessProfile(profiles, 'satellite-geo').rttMs, 600); // Huston 2022: ~600 ms
    const g3 = getAccessProfile(profiles, '3g');
    assert.ok(g3.rttMs >= 100 && g3.rttMs <= 500 && g3.bandwidthMbps >= 0.5 && g3.bandwidthMbps <= 5, 'HPBN table 7-2 ranges');
    assert.ok(getAccessProfile(profiles, '4g').rttMs < 100, 'HPBN: 4G under 100 ms');
  });

  it('orders the technologies as the sources do: fibre < cable < 4G < 3G < GEO satellite', () => {
    const rtt = (n: string) => getAccessProfile(profiles, n).rttMs;
    assert.ok(rtt('fibre') < rtt('cable') && rtt('cable') < rtt('4g') && rtt('4g') < rtt('3g') && rtt('3g') < rtt('satellite-geo'));
  });

  it('turns each profile into a path: independent loss for burst 1, bursty otherwise', () => {
    for (const p of profiles) {
      const path = accessPath(p);
      assert.equal(path.rttMs, p.rttMs);
      assert.equal(path.bandwidthMbps, p.bandwidthMbps);
      assert.ok(Math.abs(path.loss.rate - p.lossRate) < 1e-12, `${p.name} loss ${path.loss.rate}`);
      if (p.meanLossBurst === 1) assert.match(path.loss.label, /independent loss/);
      else assert.match(path.loss.label, /Gilbert–Elliott/);
    }
  });

  it('checks every field of a profile it is handed, even those a lossless path does not use', () => {
    const fibre = getAccessProfile(profiles, 'fibre');
    const bad: [Partial<Record<keyof AccessProfile, unknown>>, ErrorConstructor, RegExp][] = [
      [{ name: 5 }, TypeError, /^name must be a string; got 5$/],
      [{ name: '' }, RangeError, /^name must be a non-empty string/],
      [{ source: () => 0 }, TypeError, /^source must be a string/],
      [{ meanLossBurst: true }, TypeError, /^meanLossBurst must be/],
      [{ meanLossBurst: NaN }, RangeError, /^meanLossBurst must be/],
      [{ meanLossBurst: 0.5 }, RangeError, /^meanLossBurst must be a number in \[1, Infinity\); got 0.5$/],
    ];
    for (const [change, type, message] of bad) {
      assert.throws(() => accessPath({ ...fibre, lossRate: 0, ...change } as AccessProfile), (e: Error) => e instanceof type && message.test(e.message), JSON.stringify(change));
    }
  });

  it('gives a path whose sampled round trips average rttMs + jitterMs', () => {
    const p = getAccessProfile(profiles, '4g');
    const path = accessPath(p);
    const rng = createRng('places');
    let sum = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) sum += roundTripMs(path, rng);
    const mean = sum / n;
    assert.ok(Math.abs(mean - (p.rttMs + p.jitterMs)) < 0.5, `mean ${mean}`);
  });

  it('bursty profile losses come in runs of about meanLossBurst packets', () => {
    const p = getAccessProfile(profiles, 'satellite-leo');
    const lost = accessPath(p).loss.start(createRng('bursts'));
    let runs = 0;
    let losses = 0;
    let prev = false;
    for (let i = 0; i < 400_000; i++) {
      const l = lost();
      if (l) losses++;
      if (l && !prev) runs++;
      prev = l;
    }
    const meanRun = losses / runs;
    assert.ok(Math.abs(meanRun - p.meanLossBurst) < 0.5, `mean run ${meanRun}`);
    assert.ok(Math.abs(losses / 400_000 - p.lossRate) < 0.002, `rate ${losses / 400_000}`);
  });

  it('fails for an unknown profile, naming the known ones', () => {
    throwsWith(() => getAccessProfile(profiles, '5g'), '"5g"', 'known profiles', 'fibre', 'satellite-geo');
  });
});

describe('parseAccessProfiles rejects bad input, naming source, line, column and value', () => {
  const header = 'name,rttMs,jitterMs,lossRate,meanLossBurst,bandwidthMbps,source';
  const parse = (...rows: string[]) => () => parseAccessProfiles([header, ...rows].join('\n'), 'profiles.csv');

  it('accepts a well-formed file', () => {
    const [p] = parseAccessProfiles([header, 'x,10,1,0,1,50,k'].join('\n'), 'ok.csv');
    assert.deepEqual(p, { name: 'x', rttMs: 10, jitterMs: 1, lossRate: 0, meanLossBurst: 1, bandwidthMbps: 50, source: 'k' });
  });

  it('a header with a missing or unknown column', () => {
    throwsWith(() => parseAccessProfiles('name,rttMs,jitterMs,lossRate,meanLossBurst,source\nx,1,1,0,1,k', 'p.csv'), 'p.csv line 1', 'missing column "bandwidthMbps"');
    throwsWith(() => parseAccessProfiles(`${header},extra\nx,1,1,0,1,5,k,0`, 'p.csv'), 'p.csv line 1', 'unknown column "extra"');
  });

  it('a non-number', () => {
    throwsWith(parse('x,ten,1,0,1,50,k'), 'profiles.csv line 2', 'column "rttMs"', '"ten"');
    throwsWith(parse('x,10,1,1%,1,50,k'), 'profiles.csv line 2', 'column "lossRate"', '"1%"');
  });

  it('a negative RTT or jitter', () => {
    throwsWith(parse('x,-1,1,0,1,50,k'), 'profiles.csv line 2', 'column "rttMs"', '-1');
    throwsWith(parse('x,1,-2,0,1,50,k'), 'profiles.csv line 2', 'column "jitterMs"', '-2');
  });

  it('a loss rate of 1 or more, or below 0', () => {
    throwsWith(parse('x,10,1,0.01,1,50,k', 'y,10,1,1,1,50,k'), 'profiles.csv line 3', 'column "lossRate"', '[0, 1)', 'got 1');
    throwsWith(parse('x,10,1,-0.1,1,50,k'), 'column "lossRate"', '-0.1');
  });

  it('a burst shorter than one packet', () => {
    throwsWith(parse('x,10,1,0.01,0.5,50,k'), 'profiles.csv line 2', 'column "meanLossBurst"', '0.5');
  });

  it('a bandwidth of zero', () => {
    throwsWith(parse('x,10,1,0,1,0,k'), 'profiles.csv line 2', 'column "bandwidthMbps"', '> 0', 'got 0');
  });

  it('a loss rate too high for its burst length', () => {
    throwsWith(parse('x,10,1,0.9,1.01,50,k'), 'profiles.csv line 2', 'profile "x"', 'burstyLoss');
  });

  it('a duplicate or malformed name, or an empty source', () => {
    throwsWith(parse('x,10,1,0,1,50,k', 'x,11,1,0,1,50,k'), 'profiles.csv line 3', 'duplicate profile "x"', 'line 2');
    throwsWith(parse('Fibre To The Home,10,1,0,1,50,k'), 'column "name"', 'Fibre To The Home');
    throwsWith(parse('x,10,1,0,1,50,'), 'profiles.csv line 2', 'column "source"');
  });
});

describe('loadPlaces: file errors', () => {
  it('a missing file names the path', () => {
    throwsWith(() => loadRegionRtts('no/such/region-rtt.csv'), 'loadRegionRtts', '"no/such/region-rtt.csv"', 'no such file');
    throwsWith(() => loadAccessProfiles('no/such/profiles.csv'), 'loadAccessProfiles', '"no/such/profiles.csv"', 'no such file');
  });

  it('a directory instead of a file', () => {
    throwsWith(() => loadRegionRtts(DATA), 'loadRegionRtts', 'directory');
  });

  it('errors inside a file name that file as the source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlab-places-'));
    try {
      const file = join(dir, 'broken.csv');
      writeFileSync(file, 'from,to,rttMs\na,b,-5\n');
      throwsWith(() => loadRegionRtts(file), `${file} line 2`, 'column "rttMs"', '-5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CSV splitter keeps line numbers across comments and blank lines', () => {
    const t = parseCsv('# note\n\na,b\n1,2\n\n3,4\n', 'lines.csv');
    assert.equal(t.headerLine, 3);
    assert.deepEqual(t.records.map((r) => r.line), [4, 6]);
  });
});
