import { strict as assert } from 'node:assert';
import { simulateRealtime } from '../../../lib/scenarios/realtime/simulateRealtime';
import type { RealtimeOptions } from '../../../lib/scenarios/realtime/realtimeOptions';
import { createRng } from '../../../lib/random/rng';

type Run = Partial<RealtimeOptions> & Pick<RealtimeOptions, 'mode'>;
/** Ten minutes, default costs: 100 ms RTT, TLS 1.3 (2 RTT to open, 1 resumed + TCP), 700 + 400 header bytes, 200-byte messages. */
const run = (over: Run) => simulateRealtime({ users: 1000, messagesPerUserPerMinute: 2, durationMs: 600_000, rng: createRng(7), ...over });

// Byte rules of realtimeCosts.ts, written out by hand.
const TLS13_RECORD = 5 + 1 + 16;
const FULL_OPEN = 172 + 4000;          // TCP + full TLS handshake bytes
const RESUMED_OPEN = 172 + 800;        // TCP + resumed TLS
const HEADERS = 700 + 400;             // one request and one response header block
const WS_SERVER_FRAME = 2 + 2;         // 200-byte payload: 2 + 2-byte extended length (RFC 6455 §5.2)
const WS_CLIENT_FRAME = WS_SERVER_FRAME + 4;   // + masking key
const WS_HEARTBEAT = 2 + (2 + 4);      // empty ping, empty masked pong
const SSE_EVENT = 8 + 2 + 4;           // `data: ` + `\n\n`, chunk "d0" CRLF … CRLF (208 = 0xd0)
const SSE_HEARTBEAT = 3 + 1 + 4;       // `:\n\n` and its chunk "3" CRLF … CRLF

describe('simulateRealtime: connections and requests per mode', () => {
  it('WebSocket opens exactly one connection per user and holds it for the whole run', () => {
    const users = 2000;
    const r = run({ mode: 'websocket', users, clientMessagesPerUserPerMinute: 1, rampMs: 60_000 });
    assert.equal(r.connectionsOpened, users);
    assert.deepEqual(r.handshakes, { tcp: users, fullTls: users, resumedTls: 0, coreMsPerSecond: users / 600 });
    assert.equal(r.requests, users);  // the Upgrade requests, nothing else
    assert.equal(r.peakOpenConnections, users);
    assert.equal(r.peakSocketsHeld, users);  // never closed: no TIME_WAIT
    assert.equal(r.emptyResponses, 0);
    assert.equal(r.messages.pending, 0);
    assert.equal(r.messages.delivered, r.messages.generated);
    // With rampMs, users join uniformly over the first minute: the time average is users × (1 − ramp / 2 / duration) ± noise.
    assert.ok(Math.abs(r.meanOpenConnections / users - (1 - 30_000 / 600_000)) < 0.005, String(r.meanOpenConnections));
  });

  it('memory = peak open connections × memoryPerConnectionBytes, overall and per bucket', () => {
    for (const mode of ['long-polling', 'sse', 'websocket'] as const) {
      const r = run({ mode, users: 300, clientMessagesPerUserPerMinute: 3, memoryPerConnectionBytes: 12_345 });
      assert.equal(r.peakMemoryBytes, r.peakOpenConnections * 12_345);
      for (const s of r.series) assert.equal(s.memoryBytes, s.peakOpenConnections * 12_345);
      assert.equal(r.peakOpenConnections, Math.max(...r.series.map((s) => s.peakOpenConnections)));
    }
    assert.equal(run({ mode: 'websocket', users: 300 }).peakMemoryBytes, 300 * 50_000);
  });

  it('long polling on a quiet channel: one empty response per pollTimeoutMs + RTT, one connection per user', () => {
    // First poll arrives at 2 RTT (TCP + TLS 1.3) + RTT/2 = 250 ms; then one every 30,000 + 100 ms on the same connection.
    // Polls arriving before 600 s: 250 + 30,100 k < 600,000 → k = 0…19 (20); empty answers sent before the end: k = 0…18 (19).
    const users = 500;
    const r = run({ mode: 'long-polling', users, messagesPerUserPerMinute: 0 });
    assert.equal(Math.floor((600_000 - 250) / 30_100) + 1, 20);
    assert.equal(r.requests, 20 * users);
    assert.equal(r.emptyResponses, 19 * users);
    assert.equal(r.connectionsOpened, users);
    assert.equal(r.bytes.headers, users * (20 * 700 + 19 * 400));
    assert.equal(r.bytes.tlsRecords, users * 39 * TLS13_RECORD);
    assert.equal(r.bytes.handshakes, users * FULL_OPEN);
    assert.equal(r.peakOpenConnections, users);
    assert.ok(Number.isNaN(r.overheadBytesPerMessage));
    // Without TLS the first poll arrives at 150 ms: still 20 polls and 19 empty answers, and no record bytes.
    const plain = run({ mode: 'long-polling', users, messagesPerUserPerMinute: 0, tls: 'none' });
    assert.equal(plain.requests, 20 * users);
    assert.equal(plain.bytes.tlsRecords, 0);
    assert.equal(plain.bytes.handshakes, users * 172);
  });

  it('long polling whose repoll waits past the keep-alive reconnects for every poll: counts and open time by hand', () => {
    // Response at r; client has it at r + 50, polls at r + 6050 (repoll 6000 > keep-alive 5000: the server closed at r + 5000),
    // resumed handshake 200 ms, poll arrives r + 6300. Cycle 36,300 ms. Polls at 250 + 36,300 k < 600,000 → 17; empties 16.
    // Each connection is open 35,250 ms (send → response + 5000 idle), the last one 600,000 − 580,800 = 19,200 ms.
    const users = 200;
    const r = run({ mode: 'long-polling', users, messagesPerUserPerMinute: 0, repollDelayMs: 6000 });
    assert.equal(r.requests, 17 * users);
    assert.equal(r.emptyResponses, 16 * users);
    assert.deepEqual([r.connectionsOpened, r.handshakes.fullTls, r.handshakes.resumedTls], [17 * users, users, 16 * users]);
    assert.equal(r.bytes.handshakes, users * (FULL_OPEN + 16 * RESUMED_OPEN));
    const openMsPerUser = 16 * 35_250 + 19_200;
    assert.ok(Math.abs(r.meanOpenConnections - (users * openMsPerUser) / 600_000) < 1e-6, String(r.meanOpenConnections));
  });

  it('long polling makes one request per message (plus empty answers and the poll held at the end) at one message per response', () => {
    const users = 500;
    const r = run({ mode: 'long-polling', users, messagesPerUserPerMinute: 20 });
    const heldAtEnd = r.requests - r.messages.delivered - r.emptyResponses;
    assert.ok(r.requests >= r.messages.delivered);
    assert.ok(heldAtEnd > 0.95 * users && heldAtEnd <= users, String(heldAtEnd));
    // Batching: at 10 messages/s per user (one per RTT) several ride in one response, so fewer requests than messages.
    const fast = { mode: 'long-polling' as const, users: 50, messagesPerUserPerMinute: 600, durationMs: 60_000 };
    const batched = run({ ...fast, maxMessagesPerResponse: Infinity });
    assert.ok(batched.requests < 0.8 * batched.messages.delivered, `${batched.requests} vs ${batched.messages.delivered}`);
    const single = run({ ...fast, maxMessagesPerResponse: 1 });
    assert.ok(single.requests >= single.messages.delivered);
  });

  it('SSE: one stream per user, plus a POST (a new resumed connection when keep-alive has lapsed) per client message', () => {
    // Periodic 1/min client messages are 60 s apart (> 5 s keep-alive): every POST opens a connection.
    const users = 1000;
    const r = run({ mode: 'sse', users, clientMessagesPerUserPerMinute: 1, messageTiming: 'periodic' });
    const posts = r.clientMessages.delivered;
    assert.equal(r.clientMessages.generated, 10 * users);
    assert.equal(r.messages.generated, 20 * users);
    assert.equal(r.messages.delivered, 20 * users);
    assert.equal(r.requests, users + posts);
    assert.deepEqual([r.connectionsOpened, r.handshakes.fullTls, r.handshakes.resumedTls], [11 * users, users, 10 * users]);
    assert.equal(r.heartbeats, 19 * users);  // at 250 + 30,000 k ms, k = 1…19
    assert.equal(r.bytes.headers, (users + posts) * HEADERS);
    assert.equal(r.bytes.framing, users * (20 * SSE_EVENT + 19 * SSE_HEARTBEAT));
    assert.equal(r.bytes.handshakes, users * (FULL_OPEN + 10 * RESUMED_OPEN));
    assert.equal(r.bytes.payload, 200 * (20 * users + posts));
    // Little's law: POST connections arrive at 10 per 600 s per user and each stays 2 RTT + RTT/2 + 5 s keep-alive = 5.25 s,
    // so 0.0875 open per user on top of the stream, less the last connection cut off by the end of the run:
    // E[min(5250, 60,000 − φ)] = 5250 − 5250² / (2 · 60,000) with φ uniform. Tolerance 0.5% (phase noise, 1000 users).
    const expected = users * (1 + (10 * 5250 - 5250 ** 2 / 120_000) / 600_000);
    assert.ok(Math.abs(r.meanOpenConnections / expected - 1) < 0.005, `${r.meanOpenConnections} vs ${expected}`);
  });

  it('overhead bytes for one user with periodic messages, by hand from the per-mode byte rules', () => {
    // 20 server messages, 10 client messages, 10 minutes, 100 ms RTT, TLS 1.3. Seed 3 puts every message inside the run.
    const one = (mode: RealtimeOptions['mode'], over: Partial<RealtimeOptions> = {}) => run({
      mode, users: 1, clientMessagesPerUserPerMinute: 1, messageTiming: 'periodic', rng: createRng(3), ...over,
    });
    const ws = one('websocket');
    const wsBytes = FULL_OPEN + HEADERS + 2 * TLS13_RECORD + 20 * (WS_SERVER_FRAME + TLS13_RECORD)
      + 10 * (WS_CLIENT_FRAME + TLS13_RECORD) + 19 * (WS_HEARTBEAT + 2 * TLS13_RECORD);
    assert.equal(wsBytes, 7124);
    assert.equal(ws.overheadBytes, wsBytes);
    assert.equal(ws.overheadBytesPerMessage, wsBytes / 30);
    const post = RESUMED_OPEN + HEADERS + 2 * TLS13_RECORD;   // every POST on a new connection (60 s apart)
    const sse = one('sse');
    assert.equal(sse.overheadBytes, FULL_OPEN + HEADERS + 2 * TLS13_RECORD + 20 * (SSE_EVENT + TLS13_RECORD)
      + 19 * (SSE_HEARTBEAT + TLS13_RECORD) + 10 * post);
    // Long polling with a poll that never times out: 20 answers, each followed by a new poll on the same connection, plus
    // the first poll; the last poll is still held at the end (21 requests, 20 responses). Messages ride in the response.
    const lp = one('long-polling', { pollTimeoutMs: 1e9 });
    assert.equal(lp.requests, 21 + 10);
    assert.equal(lp.overheadBytes, FULL_OPEN + 21 * (700 + TLS13_RECORD) + 20 * (400 + TLS13_RECORD) + 10 * post);
    assert.equal(lp.overheadBytes, 48_934);
    assert.equal(lp.bytes.payload, 30 * 200);
    // Without TLS: WebSocket pays 172 bytes of TCP handshake, the headers and the frame headers only.
    const plain = one('websocket', { tls: 'none' });
    assert.equal(plain.overheadBytes, 172 + HEADERS + 20 * WS_SERVER_FRAME + 10 * WS_CLIENT_FRAME + 19 * WS_HEARTBEAT);
  });
});

describe('simulateRealtime: determinism, bad input, progress', () => {
  it('gives identical results for the same seed and different ones for another seed', () => {
    const opts = { mode: 'long-polling' as const, users: 300, clientMessagesPerUserPerMinute: 1, rampMs: 10_000 };
    assert.deepEqual(run({ ...opts, rng: createRng(11) }), run({ ...opts, rng: createRng(11) }));
    assert.notDeepEqual(run({ ...opts, rng: createRng(11) }), run({ ...opts, rng: createRng(12) }));
  });

  it('rejects bad options, naming the option, the value and the allowed range', () => {
    assert.throws(() => run({ mode: 'websocket', users: 0 }), /users must be an integer in \[1, 1000000\]; got 0/);
    assert.throws(() => run({ mode: 'websocket', users: 2.5 }), /users.*2\.5/);
    assert.throws(() => run({ mode: 'carrier-pigeon' as never }), /mode must be one of "long-polling", "sse", "websocket"; got "carrier-pigeon"/);
    assert.throws(() => run({ mode: 'sse', messagesPerUserPerMinute: -1 }), /messagesPerUserPerMinute.*-1/);
    assert.throws(() => run({ mode: 'sse', rampMs: 600_000 }), /rampMs.*600000/);
    assert.throws(() => run({ mode: 'long-polling', maxMessagesPerResponse: 0 }), /maxMessagesPerResponse must be an integer >= 1; got 0/);
    assert.throws(() => run({ mode: 'long-polling', requestsPerConnection: 1.5 }), /requestsPerConnection must be an integer >= 1; got 1.5/);
    assert.throws(() => run({ mode: 'long-polling', pollTimeoutMs: 0 }), /pollTimeoutMs must be a number in \(0, 10000000000\]; got 0/);
    assert.throws(() => run({ mode: 'sse', rttMs: 1e12 }), /rttMs.*3600000.*got 1000000000000/);
    assert.throws(() => run({ mode: 'sse', durationMs: 1e300 }), /durationMs must be a number in \[1, 10000000000\]/);
    assert.throws(() => run({ mode: 'sse', requestHeaderBytes: 1e300 }), /requestHeaderBytes/);
    assert.throws(() => run({ mode: 'sse', tls: '0-rtt' as never }), /tls.*0-rtt/);
    assert.throws(() => run({ mode: 'sse', bucketMs: 1 }), /bucketMs.*at most 10000 buckets/);
    assert.throws(() => run({ mode: 'sse', rng: (() => 0.5) as never }), /rng/);
    assert.throws(() => run({ mode: 'sse', messagesPerUserPerMin: 2 } as never),
      /simulateRealtime: unknown option "messagesPerUserPerMin" \(did you mean "messagesPerUserPerMinute"\?\)/);
    assert.throws(() => run({ mode: 'sse', heartbeatMs: null } as never), /simulateRealtime: option heartbeatMs is null/);
    assert.throws(() => run({ mode: 'sse', rampMs: null } as never), TypeError);
    assert.throws(() => run({ mode: 'sse', onProgress: 'yes' as never }), /onProgress/);
  });

  it('refuses a run too large to finish, before simulating it', () => {
    assert.throws(
      () => run({ mode: 'websocket', users: 1_000_000, messagesPerUserPerMinute: 60, durationMs: 3_600_000 }),
      (e: unknown) => e instanceof RangeError && /limit is 10000000/.test(e.message) && /users/.test(e.message),
    );
    // One user whose messages alone are too many: refused at once, before any message time is held.
    const start = performance.now();
    assert.throws(() => run({ mode: 'websocket', users: 1, messagesPerUserPerMinute: 1, clientMessagesPerUserPerMinute: 2e7, durationMs: 60_000 }),
      /about 20000003 messages, polls and heartbeats.*limit is 10000000/);
    assert.ok(performance.now() - start < 1000);
  });

  it('returns finite figures at the largest accepted durations and delays', () => {
    const r = run({ mode: 'long-polling', users: 2, messagesPerUserPerMinute: 0, durationMs: 1e10, pollTimeoutMs: 1e10, rttMs: 3_600_000, timeWaitMs: 1e10 });
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && k !== 'overheadBytesPerMessage') assert.ok(Number.isFinite(v), `${k}: ${v}`);
    assert.equal(r.requests, 2);
  });

  it("keeps each direction's draws when the other direction's rate changes (one stream per component)", () => {
    const opts = (clientPerMinute: number) => ({ users: 40, messagesPerUserPerMinute: 5, clientMessagesPerUserPerMinute: clientPerMinute, rampMs: 30_000, rng: createRng(31) });
    for (const mode of ['sse', 'websocket'] as const) {
      const a = run({ mode, ...opts(1) });
      const b = run({ mode, ...opts(20) });
      assert.deepEqual([a.messages, a.deliveryLatencyMs], [b.messages, b.deliveryLatencyMs], mode);
      assert.notEqual(a.clientMessages.generated, b.clientMessages.generated);
    }
    // And the client's message times stay put when the server pushes more (WebSocket: the sends do not wait for pushes).
    const quiet = run({ mode: 'websocket', ...opts(3), messagesPerUserPerMinute: 1 });
    const busy = run({ mode: 'websocket', ...opts(3), messagesPerUserPerMinute: 30 });
    assert.deepEqual([quiet.clientMessages, quiet.clientLatencyMs], [busy.clientMessages, busy.clientLatencyMs]);
  });

  it('reports progress up to the number of users', () => {
    const calls: [number, number][] = [];
    run({ mode: 'sse', users: 250, onProgress: (done, total) => calls.push([done, total]) });
    assert.ok(calls.length >= 2);
    assert.deepEqual(calls[calls.length - 1], [250, 250]);
    assert.ok(calls.every(([d, t], k) => t === 250 && (k === 0 || d > calls[k - 1][0])));
  });
});
