import { describe, expect, it } from 'vitest';
import { growth, growthRows, outsideIn, parseBuildPhases } from '../../../scripts/scale-test.mjs';

// Build times in seconds for 11, 61, 111, 161 and 211 chapters: a fixed cost plus a cost per chapter (and a square
// term where the growth is meant to be superlinear).
const steps = (perChapter: (n: number) => number) => [11, 61, 111, 161, 211].map((chapters) => ({ chapters, seconds: 20 + perChapter(chapters) }));

describe('the scale test', () => {
  it('builds the sizes from the outside in, so that neither end is built last', () => {
    expect(outsideIn([0, 50, 100, 150, 200])).toEqual([0, 200, 50, 150, 100]);
    expect(outsideIn([100, 0, 50])).toEqual([0, 100, 50]);
  });

  it('reads a cost per chapter that does not change as linear, by halves of the range', () => {
    const result = growth(steps((n) => 0.6 * n));
    expect(result.halves).toEqual([
      { from: 11, to: 111, secondsPerAddedChapter: expect.closeTo(0.6, 9) },
      { from: 111, to: 211, secondsPerAddedChapter: expect.closeTo(0.6, 9) },
    ]);
    expect(result.marginal).toHaveLength(4);
    expect(result.linearity).toBeCloseTo(1, 9);
    expect(result.verdict).toBe('linear');
  });

  it('reads a cost per chapter that grows with the essay as superlinear', () => {
    // First half: 0.6 + 0.01·(111² − 11²)/100 = 1.82 s per chapter; second: 0.6 + 0.01·(211² − 111²)/100 = 3.82.
    const result = growth(steps((n) => 0.6 * n + 0.01 * n * n));
    expect(result.halves.map((half) => half.secondsPerAddedChapter)).toEqual([expect.closeTo(1.82, 9), expect.closeTo(3.82, 9)]);
    expect(result.linearity).toBeCloseTo(3.82 / 1.82, 9);
    expect(result.verdict).toBe('superlinear');
    // A milder square term: 1.088 and 1.888 s per chapter.
    expect(growth(steps((n) => 0.6 * n + 0.004 * n * n)).verdict).toBe('mildly superlinear');
  });

  it("gives no verdict when a half costs nothing: the steps were too small for the builds' noise", () => {
    const noisy = [{ chapters: 11, seconds: 27.4 }, { chapters: 12, seconds: 32.0 }, { chapters: 13, seconds: 31.0 }];
    expect(growth(noisy)).toMatchObject({ linearity: undefined, verdict: expect.stringMatching(/^unclear/) });
  });

  it('needs three sizes to judge growth', () => {
    expect(growth(steps((n) => n).slice(0, 2))).toMatchObject({ halves: [], linearity: undefined, verdict: 'n/a (needs three steps)' });
  });

  it('gives the verdict for wall time and CPU time, and each phase its ratio of halves', () => {
    const linear = growth(steps((n) => 0.6 * n));
    const square = growth(steps((n) => 0.6 * n + 0.01 * n * n));
    const rows = Object.fromEntries(growthRows({ ...linear, cpu: square, memory: linear, phaseGrowth: { server: linear, previewImages: square } }));
    expect(rows['growth (wall time)']).toBe('linear (second half / first half 1.00)');
    expect(rows['growth (CPU time)']).toMatch(/^superlinear \(second half \/ first half 2\.10\)$/);
    expect(rows['growth (peak memory)']).toBe('0.6 MB → 0.6 MB per added chapter: linear (second half / first half 1.00)');
    expect(rows['growth by phase']).toBe('server build 0.600 → 0.600 s (1.00), preview images 1.820 → 3.820 s (2.10)');
  });
});

// The lines of an Astro 5 build log that the phases are read from (colour codes as the terminal gets them), with
// durations in each of the three forms Astro and Vite print: milliseconds, seconds, and minutes with seconds.
const LOG = [
  '10:00:00 [content] Synced content',
  '10:00:00 [build] Collecting build info...',
  '10:00:01 [build] \u001b[32m✓ Completed in 519ms.\u001b[39m',
  '10:00:01 [build] Building static entrypoints...',
  '10:01:03 \u001b[32m[vite]\u001b[39m \u001b[32m✓ built in 1m 2s\u001b[39m',
  '10:01:03 [build] ✓ Completed in 62.10s.',
  ' building client (vite) ',
  '10:01:07 [vite] ✓ built in 3.49s',
  ' generating static routes ',
  '10:01:07 ▶ src/pages/[lang]/[slug].astro',
  '10:01:07   ├─ /zh/prelude/index.html (+25ms)',
  '10:01:07   ├─ /zh/book/index.html (+1.13s)',
  '10:01:07   └─ /en/prelude/index.html (+15ms)',
  '10:01:08 λ src/pages/og/[lang]/[slug].png.ts',
  '10:01:08   ├─ /og/zh/prelude.png (+96ms)',
  '10:01:09   └─ /og/en/prelude.png (+104ms)',
  '10:01:40 ✓ Completed in 33.00s.',
  '10:01:55 [build] 30 page(s) built in 115.50s',
].join('\n');

describe('the build log', () => {
  it('gives each phase of the build its seconds', () => {
    const phases = parseBuildPhases(LOG);
    expect(phases).toEqual({
      collect: 0.519,
      server: 62,
      client: 3.49,
      generate: 33,
      chapterPages: expect.closeTo(0.04, 9),
      previewImages: expect.closeTo(0.2, 9),
      rest: expect.closeTo(115.5 - 0.519 - 62 - 3.49 - 33, 9),
      total: 115.5,
    });
  });

  it('reads a phase the log does not have as 0, and a log without a total as all 0', () => {
    expect(parseBuildPhases(LOG.replace(/ building client[\s\S]*?3\.49s\n/, '')).client).toBe(0);
    expect(parseBuildPhases('')).toMatchObject({ server: 0, generate: 0, total: 0, rest: 0 });
  });
});

