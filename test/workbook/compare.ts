/** Comparing the outputs of two runs of a notebook, with a short report of the first difference. */
import { firstLine, type Notebook } from '../../scripts/notebook';

/** null when every cell's outputs are identical; else where and how they first differ. */
export function firstOutputDifference(a: Notebook, b: Notebook): string | null {
  if (a.cells.length !== b.cells.length) return `the runs have ${a.cells.length} and ${b.cells.length} cells`;
  for (let i = 0; i < a.cells.length; i++) {
    const left = a.cells[i].outputs ?? [];
    const right = b.cells[i].outputs ?? [];
    const where = `cell ${i} (${firstLine(a.cells[i])})`;
    if (left.length !== right.length) return `${where}: ${left.length} outputs in one run, ${right.length} in the other`;
    for (let j = 0; j < left.length; j++) {
      const x = JSON.stringify(left[j]);
      const y = JSON.stringify(right[j]);
      if (x === y) continue;
      let k = 0;
      while (k < x.length && k < y.length && x[k] === y[k]) k++;
      const around = (s: string) => JSON.stringify(s.slice(Math.max(0, k - 60), k + 60));
      return `${where}, output ${j}, character ${k}:\n  run 1: …${around(x)}…\n  run 2: …${around(y)}…`;
    }
  }
  return null;
}
