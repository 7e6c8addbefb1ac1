import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_MAX_ROWS, distinctX, parseXYData, problemText } from '../../../src/lib/figures/csv';

describe('the (x, y) data parser of fit-your-own', () => {
  it('reads comma, tab, semicolon and space separated rows, with a header line', () => {
    const parsed = parseXYData('params,loss\n1e9,2.5\n2e9\t2.4\n3e9; 2.3\n4e9   2.2\n');
    expect(parsed.header).toEqual(['params', 'loss']);
    expect(parsed.points).toEqual([
      { x: 1e9, y: 2.5, line: 2 },
      { x: 2e9, y: 2.4, line: 3 },
      { x: 3e9, y: 2.3, line: 4 },
      { x: 4e9, y: 2.2, line: 5 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('skips blank lines and # comments, and accepts Windows and old Mac line ends', () => {
    const parsed = parseXYData('# measured\r\n\r\n1,2\r3,4\r\n');
    expect(parsed.points.map((p) => [p.x, p.y, p.line])).toEqual([[1, 2, 3], [3, 4, 4]]);
  });

  it('reports bad rows by line number and keeps the good ones', () => {
    const parsed = parseXYData('x,y\n1,2\nabc,3\n4\n-1,2\n0,5\n1e999,2\n5,6,7\n8,9');
    expect(parsed.points.map((p) => p.line)).toEqual([2, 9]);
    expect(parsed.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'not-a-number'],
      [4, 'fields'],
      [5, 'not-positive'],
      [6, 'not-positive'],
      [7, 'too-large'],
      [8, 'fields'],
    ]);
    expect(problemText(parsed.problems[0]!, 'en')).toBe('Line 3 (“abc,3”): is not a number — skipped.');
    expect(problemText(parsed.problems[0]!, 'zh')).toBe('第 3 行（“abc,3”）：不是数字，已跳过。');
  });

  it('treats only the first content line as a possible header', () => {
    const parsed = parseXYData('1,2\nx,y\n3,4');
    expect(parsed.header).toBeUndefined();
    expect(parsed.problems.map((p) => p.line)).toEqual([2]);
  });

  it(`stops after ${CSV_MAX_ROWS} rows and says so once`, () => {
    const text = Array.from({ length: CSV_MAX_ROWS + 50 }, (_, i) => `${i + 1},1`).join('\n');
    const parsed = parseXYData(text);
    expect(parsed.points).toHaveLength(CSV_MAX_ROWS);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.reason).toBe('too-many-rows');
  });

  it('counts distinct x values', () => {
    expect(distinctX(parseXYData('1,2\n1,3\n2,4').points)).toBe(2);
  });

  it('never throws, and every point it returns is positive and finite, with a line number inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseXYData(text);
        const lines = text.split(/\r\n|\n|\r/).length;
        for (const p of parsed.points) {
          expect(p.x > 0 && Number.isFinite(p.x) && p.y > 0 && Number.isFinite(p.y)).toBe(true);
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
        }
        for (const problem of parsed.problems) expect(problemText(problem, 'en')).not.toMatch(/NaN|undefined/);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any list of positive numbers it is given', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: 1e-300, max: 1e300, noNaN: true })), { maxLength: 50 }), fc.constantFrom(',', '\t', ';', ' '), (rows, sep) => {
        const parsed = parseXYData(rows.map(([x, y]) => `${x}${sep}${y}`).join('\n'));
        expect(parsed.problems).toEqual([]);
        expect(parsed.points.map((p) => [p.x, p.y])).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
