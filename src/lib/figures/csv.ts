// The reader's (x, y) data for the fit-your-own figure: one pair per line, separated by a comma, tab, semicolon
// or spaces; an optional header line names the columns; lines starting with # are comments. Bad rows are
// reported by line number and skipped, never fatal.
import type { Lang } from '../i18n';

/** One usable row: x and y (both > 0, for log–log fits) and its 1-based line number. */
export interface CsvPoint {
  readonly x: number;
  readonly y: number;
  readonly line: number;
}

/** Why a row was skipped. */
export type CsvReason = 'fields' | 'not-a-number' | 'not-positive' | 'too-large' | 'too-many-rows';

/** A skipped row: its 1-based line number, its text (shortened) and why. */
export interface CsvProblem {
  readonly line: number;
  readonly text: string;
  readonly reason: CsvReason;
}

/** The parse result: usable points in input order, skipped rows, and the header's column names if any. */
export interface ParsedData {
  readonly points: readonly CsvPoint[];
  readonly problems: readonly CsvProblem[];
  readonly header?: readonly [string, string];
}

/** Most rows read; later rows are reported once and skipped. */
export const CSV_MAX_ROWS = 1000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SEPARATOR = /\s*[,;\t]\s*|\s+/;

// A field read as a number: the value, or undefined if it is not written as a plain decimal number.
function readNumber(field: string): number | undefined {
  return NUMBER.test(field) ? Number(field) : undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Parses pasted (x, y) rows; never throws. */
export function parseXYData(text: string): ParsedData {
  const points: CsvPoint[] = [];
  const problems: CsvProblem[] = [];
  let header: [string, string] | undefined;
  let first = true;
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(SEPARATOR).filter((f) => f !== '');
    const isFirst = first;
    first = false;
    const report = (reason: CsvReason) => problems.push({ line: i + 1, text: shorten(line), reason });
    if (points.length >= CSV_MAX_ROWS) {
      report('too-many-rows');
      break;
    }
    if (fields.length !== 2) {
      report('fields');
      continue;
    }
    const x = readNumber(fields[0] as string);
    const y = readNumber(fields[1] as string);
    if (isFirst && x === undefined && y === undefined) {
      header = [fields[0] as string, fields[1] as string];
      continue;
    }
    if (x === undefined || y === undefined) report('not-a-number');
    else if (!Number.isFinite(x) || !Number.isFinite(y)) report('too-large');
    else if (!(x > 0 && y > 0)) report('not-positive');
    else points.push({ x, y, line: i + 1 });
  }
  return header ? { points, problems, header } : { points, problems };
}

/** The number of distinct x values among the points (a power law needs 2, a saturating one 3). */
export function distinctX(points: readonly CsvPoint[]): number {
  return new Set(points.map((p) => p.x)).size;
}

const REASONS: Record<CsvReason, Record<Lang, string>> = {
  fields: { zh: '需要恰好两列（x, y）', en: 'needs exactly two values (x, y)' },
  'not-a-number': { zh: '不是数字', en: 'is not a number' },
  'not-positive': { zh: 'x 和 y 必须大于 0（对数坐标）', en: 'x and y must be above 0 (log scale)' },
  'too-large': { zh: '数字太大', en: 'number too large' },
  'too-many-rows': { zh: `超过 ${CSV_MAX_ROWS} 行，其后忽略`, en: `more than ${CSV_MAX_ROWS} rows; the rest is skipped` },
};

/** A skipped row in words: "Line 3 (“abc, 1”): is not a number — skipped." / "第 3 行（“abc, 1”）：不是数字，已跳过。" */
export function problemText(problem: CsvProblem, lang: Lang): string {
  const reason = REASONS[problem.reason][lang];
  return lang === 'zh'
    ? `第 ${problem.line} 行（“${problem.text}”）：${reason}，已跳过。`
    : `Line ${problem.line} (“${problem.text}”): ${reason} — skipped.`;
}
