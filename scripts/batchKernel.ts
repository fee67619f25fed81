/**
 * The kernel the workbook runs notebooks on when it runs several at once: NetLab's
 * kernel (this checkout's tslab, KERNEL_ENV) started by the node running the
 * workbook with `--single-threaded-gc`, so that each kernel collects garbage on its
 * own thread. Two kernels on two cores otherwise start parallel collector threads
 * that compete with the other kernel: the whole workbook took about 6-9 % more CPU
 * time that way. Results do not depend on it (collection never changes a value).
 * node accepts the flag on its command line only, not in NODE_OPTIONS, hence a
 * kernelspec written for the run (into a folder put first on JUPYTER_PATH) rather
 * than an option of the registered kernel, which users start from any front end.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { delimiter, dirname, join } from 'path';
import { KERNEL_DISPLAY_NAME, KERNEL_ENV } from './jupyterSetup';

/** The batch kernel's name. */
export const BATCH_KERNEL_NAME = 'netlab-tslab-batch';

/** How to start the batch kernel: its name and the environment that lets Jupyter find it. */
export interface BatchKernel {
  kernel: string;
  env: Record<string, string>;
}

/** Writes the batch kernelspec under `dir` and returns how executeNotebook reaches it. */
export function writeBatchKernel(dir: string, env: NodeJS.ProcessEnv = process.env): BatchKernel {
  const tslab = join(dirname(require.resolve('tslab/package.json')), 'bin', 'tslab');
  const specDir = join(dir, 'kernels', BATCH_KERNEL_NAME);
  mkdirSync(specDir, { recursive: true });
  const spec = {
    argv: [process.execPath, '--single-threaded-gc', tslab, 'kernel', '--config-path', '{connection_file}'],
    display_name: `${KERNEL_DISPLAY_NAME}, batch`,
    env: KERNEL_ENV,
    language: 'typescript',
  };
  writeFileSync(join(specDir, 'kernel.json'), JSON.stringify(spec, null, 1));
  return { kernel: BATCH_KERNEL_NAME, env: { JUPYTER_PATH: [dir, env.JUPYTER_PATH].filter(Boolean).join(delimiter) } };
}
