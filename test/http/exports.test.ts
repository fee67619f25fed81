/**
 * The folder index exports what a user of the course calls; the page-load plan, its run and header
 * compression are internal, fed only by the checked entry points, and imported from their own files.
 */
import assert from 'node:assert/strict';
import * as folder from '../../lib/http';
import * as api from '../../lib/index';

const INTERNAL = ['headerBlockBytes', 'planPageLoad', 'runPageLoad'];

describe('lib/http exports', () => {
  it('keeps engine internals out of the folder index and lib/index', () => {
    assert.deepEqual(INTERNAL.filter((name) => name in folder || name in api), []);
  });
});
