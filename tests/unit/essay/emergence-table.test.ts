// The emergence chapter's worked example (a 20-token answer) prints a table of per-token probability, loss, exact
// match and edit distance. Every printed number must be what the scaling module computes, rounded to the digits shown.
import { describe, it, expect } from 'vitest';
import { readChapters } from '../../essay-files';
import { exactMatch, tokenEditDistance } from '../../../src/lib/scaling';

const LENGTH = 20;

/** The body rows of the first Markdown table whose header names p^{20}: one array of cell texts per row. */
function workedExampleRows(body: string): string[][] {
  const lines = body.split('\n');
  const header = lines.findIndex((line) => line.startsWith('|') && line.includes('p^{20}'));
  if (header < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

/** Half a unit in the last digit of a printed decimal ("0.051" → 0.0005, "12" → 0.5). */
function halfLastDigit(printed: string): number {
  const decimals = printed.split('.')[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals;
}

for (const lang of ['zh', 'en'] as const) {
  const chapter = readChapters(lang).find((c) => c.slug === 'emergence');
  describe(`${lang}/emergence: the worked example's table`, () => {
    const rows = chapter ? workedExampleRows(chapter.body) : [];

    it('has its rows, with numeric columns set right-aligned', () => {
      expect(rows.length).toBeGreaterThanOrEqual(5);
      expect(chapter!.body).toMatch(/\|---:\|---:\|---:\|---:\|/);
    });

    for (const [p, loss, exact, distance] of rows) {
      it(`p = ${p}: loss, exact match and edit distance are the module's, to the digits shown`, () => {
        const probability = Number(p);
        expect(probability).toBeGreaterThan(0);
        expect(Math.abs(Number(loss) - -Math.log(probability))).toBeLessThanOrEqual(halfLastDigit(loss!));
        const percent = exact!.replace(/^≈\s*/, '').replace(/%$/, '');
        expect(Math.abs(Number(percent) - 100 * exactMatch(probability, LENGTH))).toBeLessThanOrEqual(halfLastDigit(percent));
        expect(Math.abs(Number(distance) - tokenEditDistance(probability, LENGTH))).toBeLessThanOrEqual(1e-9);
      });
    }
  });
}
