/**
 * One user's message times, regenerated in place for each user (one growable
 * buffer per direction, no object per message): a Poisson process at the given
 * rate, or messages evenly spaced at the mean gap from a random phase (for runs
 * whose arithmetic must come out exact).
 */
import { exponential } from '../../random/exponential';
import type { Distribution } from '../../random/distribution';
import type { Rng } from '../../random/rng';
import { grown } from '../../sim/grown';
import { meanGapMsPerMinute, type MessageTiming } from './realtimeOptions';

/**
 * One user's message times (ms, ascending) in a reusable buffer, regenerated per
 * user: a Poisson process at the given rate, or evenly spaced from a random phase.
 */
export class MessageTimes {
  /** Times (ms, ascending) in [0, count). */
  values = new Float64Array(256);
  count = 0;
  private readonly gapMs: number;
  private readonly gap: Distribution | null;

  constructor(perMinute: number, private readonly timing: MessageTiming, private readonly rng: Rng) {
    this.gapMs = perMinute > 0 ? meanGapMsPerMinute(perMinute) : Infinity;
    this.gap = perMinute > 0 ? exponential(this.gapMs) : null;
  }

  /** Draws the messages of one user present over [startMs, endMs). */
  fill(startMs: number, endMs: number): void {
    this.count = 0;
    if (this.gap === null) return;
    if (this.timing === 'periodic') {
      const first = startMs + this.rng() * this.gapMs;
      for (let k = 0, t = first; t < endMs; t = first + ++k * this.gapMs) this.push(t);
      return;
    }
    const gap = this.gap;
    for (let t = startMs + gap.sample(this.rng); t < endMs; t += gap.sample(this.rng)) this.push(t);
  }

  private push(t: number): void {
    if (this.count === this.values.length) this.values = grown(this.values, this.count + 1);
    this.values[this.count++] = t;
  }
}
