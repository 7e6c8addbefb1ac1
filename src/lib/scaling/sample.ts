// Sampling grids for plotting scaling curves over many orders of magnitude.
import { requireInteger, requirePositive } from './validate';

/** Largest grid logspace will build, so that a typo in a figure control cannot exhaust memory. */
export const LOGSPACE_MAX_COUNT = 10_000_000;

/** `count` numbers evenly spaced on a log scale from start to stop, both included (start > stop gives a descending grid). */
export function logspace(start: number, stop: number, count: number): number[] {
  requirePositive('logspace', 'start', start, ' (log scale)');
  requirePositive('logspace', 'stop', stop, ' (log scale)');
  requireInteger('logspace', 'count', count, 2, LOGSPACE_MAX_COUNT);
  const logStart = Math.log(start);
  const logSpan = Math.log(stop) - logStart;
  const last = count - 1;
  const grid = new Array<number>(count);
  for (let i = 1; i < last; i += 1) grid[i] = Math.exp(logStart + (i / last) * logSpan);
  grid[0] = start;
  grid[last] = stop;
  return grid;
}
