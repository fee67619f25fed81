/** Helpers for tests that run the workbook command on notebooks written to a temp folder. */
import { spawn, type SpawnOptions } from 'child_process';
import { join } from 'path';
import { PROJECT_ROOT } from '../../scripts/execute';
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from '../../scripts/jupyterSetup';

/** A notebook's JSON, for NetLab's tslab kernel, from cells given as type, source and tags. */
export function notebook(cells: { type: 'code' | 'markdown'; source: string; tags?: string[] }[]): string {
  return JSON.stringify({
    cells: cells.map((c, i) => {
      const metadata = c.tags ? { tags: c.tags } : {};
      return c.type === 'code'
        ? { cell_type: 'code', id: `cell-${i}`, metadata, execution_count: null, outputs: [], source: c.source }
        : { cell_type: 'markdown', id: `cell-${i}`, metadata, source: c.source };
    }),
    metadata: { kernelspec: { name: KERNEL_NAME, display_name: KERNEL_DISPLAY_NAME, language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** What a finished command printed, and how it exited. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cmd args` (no shell), collecting its exit code and output. */
export function runCommand(cmd: string, args: string[], options: SpawnOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `tsx scripts/workbook.ts ...args`, collecting its exit code and output. */
export function runWorkbookCommand(args: string[]): Promise<CommandResult> {
  return runCommand(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', 'workbook.ts'), ...args]);
}
