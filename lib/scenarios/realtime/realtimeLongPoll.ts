/**
 * One user's long polling, poll by poll (course part 5, "Real-Time Messaging").
 *
 * The client sends a poll; the server holds it until a message is waiting, then
 * answers with it (up to `maxMessagesPerResponse` waiting messages in one
 * response), or answers empty after `pollTimeoutMs`. The client polls again as
 * soon as the answer arrives (after `repollDelayMs`), on the same keep-alive
 * connection unless the server has closed it (`KeepAliveChannel`: then a new
 * handshake first). A message generated while no poll is held waits at the
 * server for the next poll, which its delivery latency includes: at one message
 * per response, a user cannot receive more than about one message per round
 * trip.
 *
 * Not modelled: server processing time, lost or reset polls, jitter.
 */
import type { KeepAliveChannel } from './realtimeKeepAlive';
import type { MessageTimes } from './realtimeMessageTimes';
import type { RealtimeConfig } from './realtimeOptions';
import type { RealtimeTally } from './realtimeTally';

/** Walks one user's polls from `joinMs` to the end of the run; returns the messages still waiting at the end. */
export function longPollUser(cfg: RealtimeConfig, tally: RealtimeTally, channel: KeepAliveChannel, joinMs: number, messages: MessageTimes): number {
  const { durationMs, pollTimeoutMs, maxMessagesPerResponse } = cfg;
  const half = cfg.rttMs / 2;
  const times = messages.values;
  const n = messages.count;
  let next = 0;
  for (let sendMs = joinMs; sendMs < durationMs; ) {
    const arriveMs = channel.request(sendMs);
    if (arriveMs >= durationMs) break;
    tally.request(arriveMs);
    const respondMs = next < n && times[next] < arriveMs + pollTimeoutMs ? Math.max(arriveMs, times[next]) : arriveMs + pollTimeoutMs;
    if (respondMs >= durationMs) break;
    channel.responded(respondMs);
    let carried = 0;
    while (next < n && times[next] <= respondMs && carried < maxMessagesPerResponse) {
      tally.deliver(times[next], respondMs);
      next++;
      carried++;
    }
    tally.response(respondMs, carried === 0);
    sendMs = respondMs + half + cfg.repollDelayMs;
  }
  channel.finish();
  return n - next;
}
