/** Helpers for tests that run the workbook command on notebooks written to a temp folder. */
import { spawn } from 'child_process';
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

/** Runs `tsx scripts/workbook.ts ...args`, collecting its exit code and output. */
export function runWorkbookCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(PROJECT_ROOT, 'scripts', 'workbook.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
