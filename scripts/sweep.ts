/**
 * Runs a sweep written as JSON, whole or one shard at a time, and merges shards, so a
 * scheduler people already run (GNU parallel, a Slurm job array, a Kubernetes indexed
 * Job) can spread a large sweep over machines:
 *
 *   tsx scripts/sweep.ts SPEC.json [--workers N] [--out TABLE.csv]     the whole sweep
 *   tsx scripts/sweep.ts SPEC.json --shard I/N --out SHARD.json        shard I of N (0-based)
 *   tsx scripts/sweep.ts merge SHARD.json ... [--out TABLE.csv]        the shards' table
 *
 * SPEC.json holds { model, options, grid, metrics, seed, runs?, level? } (lib/sweep).
 * A table is written as CSV, its provenance (library version, spec, seed) beside it
 * as TABLE.provenance.json; without --out the CSV goes to standard output. The
 * merged table is byte-identical to the whole sweep's.
 *
 *   parallel tsx scripts/sweep.ts spec.json --shard {}/8 --out shard-{}.json ::: 0 1 2 3 4 5 6 7
 *   tsx scripts/sweep.ts merge shard-*.json --out table.csv
 */
import { readFileSync, writeFileSync } from 'fs';
import { mergeShards, sweep, sweepShard, type SweepShard, type SweepSpec, type SweepTable } from '../lib/sweep';

const HELP = 'usage: tsx scripts/sweep.ts SPEC.json [--workers N] [--out TABLE.csv]\n       tsx scripts/sweep.ts SPEC.json --shard I/N --out SHARD.json\n       tsx scripts/sweep.ts merge SHARD.json ... [--out TABLE.csv]';

interface Command {
  merge: boolean;
  files: string[];
  out?: string;
  workers?: number;
  shard?: { shard: number; of: number };
}

/** Reads the command line; throws an Error with the usage on anything it does not know. */
export function parseSweepArgs(argv: readonly string[]): Command {
  const cmd: Command = { merge: argv[0] === 'merge', files: [] };
  for (let i = cmd.merge ? 1 : 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`sweep: ${arg} needs a value\n${HELP}`);
      return v;
    };
    if (arg === '--out') cmd.out = value();
    else if (arg === '--workers') cmd.workers = Number(value());
    else if (arg === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(value());
      if (!m) throw new Error(`sweep: --shard takes I/N, such as 0/4\n${HELP}`);
      cmd.shard = { shard: Number(m[1]), of: Number(m[2]) };
    } else if (arg === '-h' || arg === '--help') throw new Error(HELP);
    else if (arg.startsWith('-')) throw new Error(`sweep: unknown option ${arg}\n${HELP}`);
    else cmd.files.push(arg);
  }
  if (cmd.files.length === 0 || (!cmd.merge && cmd.files.length !== 1)) throw new Error(`sweep: ${cmd.merge ? 'name the shard files' : 'name one spec file'}\n${HELP}`);
  if (cmd.shard && (cmd.merge || !cmd.out)) throw new Error(`sweep: --shard needs a spec and --out SHARD.json\n${HELP}`);
  return cmd;
}

function writeTable(table: SweepTable, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(table.toCSV() + '\n');
    return;
  }
  writeFileSync(out, table.toCSV() + '\n');
  writeFileSync(out.replace(/\.csv$/, '') + '.provenance.json', JSON.stringify(table.provenance, null, 2) + '\n');
}

async function main(argv: string[]): Promise<void> {
  const cmd = parseSweepArgs(argv);
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  if (cmd.merge) return writeTable(mergeShards(cmd.files.map((f) => read(f) as SweepShard)), cmd.out);
  const spec = read(cmd.files[0]) as SweepSpec;
  if (cmd.shard) {
    writeFileSync(cmd.out!, JSON.stringify(sweepShard(spec, cmd.shard)) + '\n');
    return;
  }
  writeTable(await sweep({ ...spec, workers: cmd.workers }), cmd.out);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(e.message);
    process.exit(2);
  });
}
