/**
 * The folder index exports what a user of the course calls; bucket arithmetic, level meters, station
 * banks, the event heap and progress ticks are internal, fed only by the checked entry points, and
 * imported from their own files.
 */
import assert from 'node:assert/strict';
import * as folder from '../../lib/sim';
import * as api from '../../lib/index';

const INTERNAL = ['meanGapMs', 'EventHeap', 'LevelMeter', 'StationBank', 'peakRate', 'bucketSignals', 'progressTicker', 'bucketCount', 'bucketIndexAt', 'bucketOf', 'checkBuckets'];

describe('lib/sim exports', () => {
  it('keeps engine internals out of the folder index and lib/index', () => {
    assert.deepEqual(INTERNAL.filter((name) => name in folder || name in api), []);
  });
});
