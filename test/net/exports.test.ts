/**
 * The folder index exports what a user of the course calls; the packet engine, RTO estimator, per-draw
 * path helpers, request plans and the TTL cache are internal, fed only by the checked entry points,
 * and imported from their own files.
 */
import assert from 'node:assert/strict';
import * as folder from '../../lib/net';
import * as api from '../../lib/index';

const INTERNAL = ['requireLossModel', 'roundTripMs', 'jitterDraw', 'serialisationMs', 'RtoEstimator', 'rtoBounds', 'RoundTcpConnection', 'ConnectionAborted', 'planRequest', 'sampleRequest', 'TtlCache', 'staleBound', 'NewRenoWindow', 'CubicWindow', 'RecoveryPeriod', 'congestionController', 'ProbeTimeout', 'PacketLink', 'StreamLedger', 'PacketTransfer', 'IN_FLIGHT', 'ACKED', 'LOST', 'ABANDONED', 'PacketConnection', 'ConnectionTimer', 'StreamScheduler', 'exchange', 'requestArrivals', 'handshake', 'requestStreams', 'transportRules'];

describe('lib/net exports', () => {
  it('keeps engine internals out of the folder index and lib/index', () => {
    assert.deepEqual(INTERNAL.filter((name) => name in folder || name in api), []);
  });
});
