/**
 * The folder index exports what a user of the course calls; the sorted-quantile kernel and the
 * compensated sum are internal, fed only by the checked entry points, and imported from their own
 * files.
 */
import assert from 'node:assert/strict';
import * as folder from '../../lib/stats';
import * as api from '../../lib/index';

const INTERNAL = ['quantileSorted', 'accurateSum'];

describe('lib/stats exports', () => {
  it('keeps engine internals out of the folder index and lib/index', () => {
    assert.deepEqual(INTERNAL.filter((name) => name in folder || name in api), []);
  });
});
