// What the benchmark reads from a Lighthouse report's main-thread tasks, to set each chapter's TBT beside the task
// that makes it. Lighthouse's simulation replays a task that lays out the page at 2 × its measured length (half its
// 4 × CPU slowdown) and counts what runs past the simulated first paint, less 50 ms a task; on these pages the long
// task is the first layout, so a TBT over 50 ms goes with a task observed at over 50 ms (README, "Reading TBT").
import { median } from './bench-lib.mjs';

/**
 * The longest main-thread task Lighthouse observed in one report, in milliseconds as measured (unthrottled), from
 * its `main-thread-tasks` audit. Throws a RangeError when the report holds no such tasks.
 */
export function longestTaskMs(report) {
  const items = report?.audits?.['main-thread-tasks']?.details?.items;
  const durations = Array.isArray(items) ? items.map((item) => item?.duration).filter(Number.isFinite) : [];
  if (!durations.length) throw new RangeError('longestTaskMs: the report has no main-thread tasks (audit "main-thread-tasks")');
  return Math.max(...durations);
}

/**
 * One line for the bench's summary: each page over the TBT target (ms) with its TBT and longest observed task, and
 * the longest task among the pages within it. `pages` is [{ page, tbtMs, longestTaskMs }] from the median runs.
 */
export function tbtAgainstTasks(pages, targetMs) {
  if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`tbtAgainstTasks: targetMs must be a number ≥ 0, got ${targetMs}`);
  const ms = (n) => String(Math.round(n));
  const over = pages.filter((p) => p.tbtMs > targetMs);
  const within = pages.filter((p) => p.tbtMs <= targetMs);
  const parts = [];
  if (over.length) parts.push(`over: ${over.map((p) => `${p.page} TBT ${ms(p.tbtMs)} ms, task ${ms(p.longestTaskMs)} ms`).join('; ')}`);
  if (within.length) {
    const tasks = within.map((p) => p.longestTaskMs);
    parts.push(`within: ${within.length} pages, their longest tasks ${ms(Math.min(...tasks))}–${ms(Math.max(...tasks))} ms`);
  }
  return parts.join('; ') || 'no pages';
}

/**
 * The median of the runs' Total Blocking Time (ms; with an even count, the mean of the middle two). Lighthouse's
 * computeMedianRun picks the run nearest the median FCP and TTI, whose TBT can lie far from this.
 */
export function medianTbtMs(reports) {
  const values = (reports ?? []).map((r) => r?.audits?.['total-blocking-time']?.numericValue);
  if (!values.length || !values.every(Number.isFinite)) {
    throw new RangeError('medianTbtMs: every report needs a finite TBT (audit "total-blocking-time"), and there must be one');
  }
  return median(values);
}
