import { describe, expect, it } from 'vitest';
import { longestTaskMs, medianTbtMs, tbtAgainstTasks } from '../../../scripts/lighthouse-tasks.mjs';

// The shape of a Lighthouse 12 report's `main-thread-tasks` audit; the durations are those of one observed load of
// /zh/compute-optimal/ (commit, parse chunks, then the first layout), which Lighthouse scored TBT 83 ms.
const report = (durations: unknown[]) => ({
  audits: { 'main-thread-tasks': { details: { items: durations.map((duration, i) => ({ duration, startTime: 30 + 20 * i })) } } },
});
const observed = [16.571, 17.262, 10.842, 11.3, 10.41, 5.654, 66.492, 7.191, 8.239, 16.65];

describe('the longest main-thread task of a Lighthouse report', () => {
  it('is the longest of the observed tasks, wherever it stands', () => {
    expect(longestTaskMs(report(observed))).toBe(66.492);
    expect(longestTaskMs(report([...observed].reverse()))).toBe(66.492);
    expect(longestTaskMs(report([3]))).toBe(3);
  });

  it('skips entries without a finite duration', () => {
    expect(longestTaskMs(report([12, undefined, Number.NaN, 'x', 9]))).toBe(12);
  });

  it('throws a RangeError naming the audit when there are no tasks', () => {
    expect(() => longestTaskMs(report([]))).toThrow(RangeError);
    expect(() => longestTaskMs({ audits: {} })).toThrow(/main-thread-tasks/);
    expect(() => longestTaskMs(undefined)).toThrow(/main-thread-tasks/);
  });
});

describe("the summary of TBT against each page's longest task", () => {
  const pages = [
    { page: '/zh/compute-optimal/', tbtMs: 83.2, longestTaskMs: 66.492 },
    { page: '/en/prelude/', tbtMs: 12, longestTaskMs: 31.4 },
    { page: '/zh/prelude/', tbtMs: 50, longestTaskMs: 49.6 },
  ];

  it('names each page over the target with both figures, and the range of tasks of the pages within it', () => {
    expect(tbtAgainstTasks(pages, 50)).toBe('over: /zh/compute-optimal/ TBT 83 ms, task 66 ms; within: 2 pages, their longest tasks 31–50 ms');
  });

  it('counts a page exactly at the target as within it', () => {
    expect(tbtAgainstTasks(pages, 83.2)).toBe('within: 3 pages, their longest tasks 31–66 ms');
  });

  it('says so when there are no pages, and refuses a target that is not a number ≥ 0', () => {
    expect(tbtAgainstTasks([], 50)).toBe('no pages');
    expect(() => tbtAgainstTasks(pages, Number.NaN)).toThrow(/targetMs must be a number ≥ 0, got NaN/);
    expect(() => tbtAgainstTasks(pages, -1)).toThrow(RangeError);
  });
});

describe('the median TBT over runs', () => {
  const runs = (tbts: unknown[]) => tbts.map((numericValue) => ({ audits: { 'total-blocking-time': { numericValue } } }));

  it('is the middle run by TBT, whatever their order (five runs of /zh/bitter-lesson/ in one bench)', () => {
    expect(medianTbtMs(runs([57, 39, 16, 2, 0]))).toBe(16);
    expect(medianTbtMs(runs([0, 2, 16, 39, 57].reverse()))).toBe(16);
    expect(medianTbtMs(runs([83]))).toBe(83);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(medianTbtMs(runs([10, 40, 20, 30]))).toBe(25);
  });

  it('throws a RangeError when there is no run or a run has no finite TBT', () => {
    expect(() => medianTbtMs([])).toThrow(RangeError);
    expect(() => medianTbtMs(runs([10, Number.NaN, 20]))).toThrow(/total-blocking-time/);
    expect(() => medianTbtMs([{ audits: {} }])).toThrow(RangeError);
  });
});
