/**
 * Real-time push at scale: long polling, SSE or WebSocket for `users` users
 * who stay connected for the whole run (course part 5, "Real-Time Messaging":
 * where the connection cost moves; the failure handbook, §6: every open
 * connection costs memory, a file descriptor and load-balancer state).
 *
 * Each user receives server → client messages as a Poisson process (or evenly
 * spaced) and may send client → server messages; users join at the start, or
 * at uniformly random moments over `rampMs`. Users are independent, so each
 * user's timeline is walked on its own (`longPollUser`, `streamUser`,
 * `httpSends`, `webSocketSends`) and folded into counters, a streaming latency
 * histogram and interval levels (`RealtimeTally`): no event queue, no object
 * per message. The three modes draw the same message times from the same seed
 * (common random numbers). Per-mode byte and round-trip rules are in
 * `realtimeCosts.ts`.
 *
 * The server is never the bottleneck here, by design: no processing time, no
 * accept queue, no limit on connections, so there is no capacity to overload and
 * no `unstable` flag. The model measures the resources each mode asks for
 * (requests per second, handshakes, open sockets, memory, bytes), and the
 * latency its protocol imposes; compare them with a server's capacity to see
 * which binds first.
 *
 * Random streams (forks of `rng`), one per component: 'join' draws each user's
 * join time (only with `rampMs`), 'server messages' the server → client message
 * times and 'client messages' the client → server ones, user after user. Nothing
 * else is random, so the client's rate never moves the server's message times
 * (and the reverse), and the three modes meet the same users and messages.
 *
 * Bounds: at most 10^6 users, 10^7 expected messages, polls and heartbeats
 * (MAX_REALTIME_EVENTS), durationMs up to 10^10 ms; see `RealtimeOptions`.
 */
import { progressTicker } from '../../sim/progress';
import { KeepAliveChannel } from './realtimeKeepAlive';
import { longPollUser } from './realtimeLongPoll';
import { MessageTimes } from './realtimeMessageTimes';
import { checkRealtimeOptions, type RealtimeOptions } from './realtimeOptions';
import { realtimeReport, type RealtimeResult } from './realtimeReport';
import { httpSends, webSocketSends } from './realtimeSends';
import { streamUser } from './realtimeStreams';
import { RealtimeTally } from './realtimeTally';

export type { RealtimeResult, RealtimeBucket, MessageCounts } from './realtimeReport';

/**
 * Simulates `users` users receiving pushed messages for `durationMs` by long polling,
 * SSE or WebSocket. Returns message and request counts, the server's connections,
 * sockets and memory, bytes by kind, delivery latency summaries (ms) and a
 * per-bucket series.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds.
 *
 * @example
 * ```ts
 * import { createRng, simulateRealtime } from 'netlab';
 *
 * const run = (mode: 'long-polling' | 'websocket') =>
 *   simulateRealtime({ mode, users: 100, messagesPerUserPerMinute: 2, durationMs: 60_000, rng: createRng(1) });
 * [run('long-polling').requestsPerSecond, run('websocket').requestsPerSecond];
 * ```
 */
export function simulateRealtime(opts: RealtimeOptions): RealtimeResult {
  const cfg = checkRealtimeOptions(opts);
  const { rng, durationMs } = cfg;
  const tally = new RealtimeTally(cfg);
  const joinRng = rng.fork('join');
  const serverMessages = new MessageTimes(cfg.messagesPerMinute, cfg.messageTiming, rng.fork('server messages'));
  const clientMessages = new MessageTimes(cfg.clientMessagesPerMinute, cfg.messageTiming, rng.fork('client messages'));
  const channel = (): KeepAliveChannel => new KeepAliveChannel(tally, cfg.rttMs, cfg.keepAliveIdleMs, cfg.requestsPerConnection);
  const polls = channel();
  const posts = channel();
  const tick = progressTicker(cfg.users, cfg.onProgress);
  const pending = { server: 0, client: 0 };

  for (let u = 0; u < cfg.users; u++) {
    const joinMs = cfg.rampMs > 0 ? joinRng() * cfg.rampMs : 0;
    serverMessages.fill(joinMs, durationMs);
    clientMessages.fill(joinMs, durationMs);
    tally.count.generated += serverMessages.count;
    tally.count.clientGenerated += clientMessages.count;
    tally.startUser();
    if (cfg.mode === 'long-polling') {
      pending.server += longPollUser(cfg, tally, polls, joinMs, serverMessages);
      pending.client += httpSends(cfg, tally, posts, clientMessages);
    } else {
      const stream = streamUser(cfg, tally, joinMs, serverMessages);
      pending.server += stream.pending;
      pending.client += cfg.mode === 'sse'
        ? httpSends(cfg, tally, posts, clientMessages)
        : webSocketSends(cfg, tally, stream.readyMs + cfg.rttMs / 2, clientMessages);
    }
    tick(u + 1);
  }
  return realtimeReport(cfg, tally, pending);
}
