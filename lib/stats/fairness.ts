/**
 * How evenly a quantity (requests, utilisation, bytes) is spread over n parties.
 *
 * Jain's fairness index (Jain, Chiu & Hawe 1984, "A quantitative measure of
 * fairness and discrimination for resource allocation in shared computer
 * systems") is (Σx)² / (n · Σx²): 1 when every share is equal, k/n when k parties
 * share it equally and the rest get nothing, down to 1/n when one party has it
 * all. It does not depend on the unit or scale. Max over mean is the operator's
 * view: how much more the busiest party carries than the average (1 = even).
 *
 * Both take non-empty arrays of finite values ≥ 0. All zeros counts as perfectly
 * even (both return 1): nobody is favoured when nothing was handed out.
 */
import * as check from '../validate';

function checkShares(option: string, values: ArrayLike<number>): ArrayLike<number> {
  const arr = check.finiteArray(option, values);
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] < 0) throw new RangeError(`${option} must contain only values >= 0; element ${i} is ${arr[i]}`);
  }
  return arr;
}

/** Jain's fairness index (Σx)² / (n · Σx²), in [1/n, 1]; 1 for all zeros. */
export function jainIndex(values: ArrayLike<number>): number {
  const arr = checkShares('jainIndex values', values);
  // Divide by the maximum first so that squares of large values cannot overflow.
  let max = 0;
  for (let i = 0; i < arr.length; i++) if (arr[i] > max) max = arr[i];
  if (max === 0) return 1;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i] / max;
    sum += x;
    sumSquares += x * x;
  }
  return (sum * sum) / (arr.length * sumSquares);
}

/** The largest value over the mean, in [1, n]; 1 for all zeros. */
export function maxOverMean(values: ArrayLike<number>): number {
  const arr = checkShares('maxOverMean values', values);
  let max = 0;
  let sum = 0;
  for (let i = 0; i < arr.length; i++) {
    sum += arr[i];
    if (arr[i] > max) max = arr[i];
  }
  return sum === 0 ? 1 : (max * arr.length) / sum;
}
