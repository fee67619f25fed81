/**
 * The folder index exports what a user of the course calls; hashing, the hash ring, health-check
 * transitions and the request slot are internal, fed only by the checked entry points, and imported
 * from their own files.
 */
import assert from 'node:assert/strict';
import * as folder from '../../lib/balance';
import * as api from '../../lib/index';

const INTERNAL = ['emptyRequestSlot', 'checkHealthCheck', 'healthTransitions', 'hash32', 'HashRing'];

describe('lib/balance exports', () => {
  it('keeps engine internals out of the folder index and lib/index', () => {
    assert.deepEqual(INTERNAL.filter((name) => name in folder || name in api), []);
  });
});
