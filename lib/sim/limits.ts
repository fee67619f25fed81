/**
 * The ceilings on work that keep one call of a lib/sim model within about a minute
 * and 2 GB on a 2-core machine. Each is checked up front, from the options alone,
 * with `check.workWithin`, so an oversized call fails at once with a RangeError that
 * names the options and the limit instead of running for hours or aborting the process.
 * Measured on a 2-core machine: about 1 µs and 65 bytes per simulated request and stage.
 */

/** Most requests one simulateQueue or simulatePipeline run, or one arrival stream, may hold (≈ 20 s, 1.3 GB). */
export const MAX_REQUESTS = 20_000_000;

/** Most requests a run that keeps summaries, not columns, may simulate (see keptColumns.ts; ≈ 20–60 s). */
export const MAX_STREAMED_REQUESTS = 100_000_000;

/** Most request × stage visits one simulatePipeline run may imply (≈ 50 s). */
export const MAX_STAGE_VISITS = 50_000_000;

/** Most stage × bucket rows one simulatePipeline report may hold. */
export const MAX_STAGE_BUCKETS = 1_000_000;

/** Most loop steps a generator of arrivals may take (candidates, silences and bursts). */
export const MAX_ARRIVAL_STEPS = 100_000_000;

/** Most workers the closed forms accept: Erlang C costs one step per worker (≈ 1 ms per 10^6). */
export const MAX_THEORY_WORKERS = 1_000_000;

/** Most buckets a LevelMeter or a Station records per series: 8 MB, far beyond MAX_BUCKETS. */
export const MAX_TRACKED_BUCKETS = 1_000_000;

/** Most worker slots plus jobs a StationBank may allocate (4 bytes each). */
export const MAX_BANK_SLOTS = 100_000_000;

/** Most stages one simulatePipeline may chain (each keeps its own queue and per-bucket records). */
export const MAX_STAGES = 100;

/**
 * The simulated-time horizon (ms, about four months): timestamps up to 10^10 ms keep a
 * resolution of about 2 ns, so latencies computed as differences of them stay exact
 * to the nanosecond. Runs, arrival spans and single durations beyond it are refused.
 */
export const MAX_SIMULATED_MS = 1e10;

/**
 * The longest run of the models that simulate a service over time with per-bucket
 * reports and fault or failure windows (the stack, the retry storm, DNS failover,
 * global routing): a week of simulated time, in ms.
 */
export const MAX_WEEK_RUN_MS = 7 * 24 * 3600 * 1000;
