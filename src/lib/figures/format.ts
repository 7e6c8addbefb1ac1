// Readable numbers for figures in both editions: 1.5B / 15 亿, 3×10²³, 4.5 MiB, 12%.
// Every function returns "—" for a value it cannot show (NaN, ±Infinity, a non-number), never "NaN" or "Infinity".
import type { Lang } from '../i18n';

/** What a formatter prints for a value it cannot show. */
export const MISSING = '—';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** True for a finite number (the guard every formatter applies first). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An integer written in superscript digits: 23 → "²³", −3 → "⁻³". */
export function superscript(exponent: number): string {
  if (!isFiniteNumber(exponent)) return '';
  const digits = String(Math.abs(Math.round(exponent)));
  const body = [...digits].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
  return exponent < 0 ? `⁻${body}` : body;
}

// Digits grouped in threes with commas: 12288 → "12,288" (integers only; decimals are kept as they are).
function groupDigits(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// x rounded to `sig` significant digits, as plain decimal text without trailing zeros ("1.5", "175", "0.0012").
function plain(x: number, sig: number): string {
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(Math.min(Math.max(sig, 1), 21)));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, Math.min(20, sig - 1 - magnitude));
  const text = rounded.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A number to `sig` significant digits in plain decimals, grouped ("12,288", "0.949"); scientific beyond 10¹⁵ or below 10⁻⁶; "—" if not finite. */
export function formatPlain(x: number, sig = 3): string {
  if (!isFiniteNumber(x)) return MISSING;
  // Beyond what plain decimals can show readably, fall back to scientific notation.
  if (Math.abs(x) >= 1e15 || (x !== 0 && Math.abs(x) < 1e-6)) return formatSci(x, sig);
  const text = plain(Math.abs(x), sig);
  return (x < 0 && text !== '0' ? '−' : '') + groupDigits(text);
}

/** Scientific notation with a superscript exponent: 3e23 → "3×10²³", 1e9 → "10⁹"; "—" if not finite. */
export function formatSci(x: number, sig = 2): string {
  if (!isFiniteNumber(x)) return MISSING;
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  let mantissa = Number((Math.abs(x) / 10 ** exponent).toPrecision(sig));
  if (!isFiniteNumber(mantissa)) return MISSING;
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  if (mantissa < 1) {
    mantissa *= 10;
    exponent -= 1;
  }
  const m = plain(mantissa, sig);
  return m === '1' ? `${sign}10${superscript(exponent)}` : `${sign}${m}×10${superscript(exponent)}`;
}

/** A number in plain decimals between 0.001 and 1,000,000, otherwise in scientific notation. */
export function formatNumber(x: number, sig = 3): string {
  if (!isFiniteNumber(x)) return MISSING;
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return formatSci(x, sig);
  return formatPlain(x, sig);
}

const EN_UNITS: ReadonlyArray<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];
const ZH_UNITS: ReadonlyArray<[number, string]> = [
  [1e12, ' 万亿'],
  [1e8, ' 亿'],
  [1e4, ' 万'],
];

/** A count in words-of-magnitude: 1.5e9 → "1.5B" (en) / "15 亿" (zh); beyond 999T / 9999 万亿 in scientific notation. */
export function formatCount(x: number, lang: Lang, sig = 3): string {
  if (!isFiniteNumber(x)) return MISSING;
  if (x < 0) return `−${formatCount(-x, lang, sig)}`;
  const units = lang === 'zh' ? ZH_UNITS : EN_UNITS;
  const ceiling = lang === 'zh' ? 1e4 : 1e3;
  const top = (units[0] as [number, string])[0];
  // Choose the unit from the rounded value, so 999.96M reads "1B", not "1000M".
  const rounded = Number(x.toPrecision(sig));
  if (rounded >= top * ceiling) return formatSci(x, sig);
  for (const [size, suffix] of units) {
    if (rounded >= size) return `${plain(rounded / size, sig)}${suffix}`;
  }
  return x > 0 && x < 1e-3 ? formatSci(x, sig) : formatPlain(x, sig);
}

/** A parameter count with its unit: "1.5B parameters" / "15 亿参数". */
export function formatParams(x: number, lang: Lang): string {
  if (!isFiniteNumber(x)) return MISSING;
  return lang === 'zh' ? `${formatCount(x, lang)}参数` : `${formatCount(x, lang)} parameters`;
}

/** A token count with its unit: "10B tokens" / "100 亿 token". */
export function formatTokens(x: number, lang: Lang): string {
  if (!isFiniteNumber(x)) return MISSING;
  return lang === 'zh' ? `${formatCount(x, lang)} token` : `${formatCount(x, lang)} tokens`;
}

/** A compute budget: "3×10²³ FLOPs" / "3×10²³ 次浮点运算". */
export function formatFlops(x: number, lang: Lang): string {
  if (!isFiniteNumber(x)) return MISSING;
  return lang === 'zh' ? `${formatSci(x, 3)} 次浮点运算` : `${formatSci(x, 3)} FLOPs`;
}

/** A loss in nats per token: "2.30 nats" / "2.30 纳特" (two decimals above 1, three significant digits below). */
export function formatLoss(x: number, lang: Lang): string {
  if (!isFiniteNumber(x)) return MISSING;
  const value = Math.abs(x) >= 1 && Math.abs(x) < 1e6 ? x.toFixed(2) : formatNumber(x, 3);
  return lang === 'zh' ? `${value} 纳特` : `${value} nats`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** A byte count in binary units: 4718592 → "4.5 MiB", 9663676416 → "9 GiB". */
export function formatBytes(x: number, sig = 3): string {
  if (!isFiniteNumber(x) || x < 0) return MISSING;
  let value = x;
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && Number(value.toPrecision(sig)) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  if (value >= 1024) return `${formatSci(x, sig)} B`;
  return `${plain(value, sig)} ${BYTE_UNITS[unit]}`;
}

/** A probability as a percentage: 0.12 → "12%", 0.0008 → "0.08%", tiny → "<0.001%". */
export function formatPercent(p: number): string {
  if (!isFiniteNumber(p)) return MISSING;
  const v = p * 100;
  if (v === 0) return '0%';
  if (Math.abs(v) < 0.001) return v > 0 ? '<0.001%' : '>−0.001%';
  if (Math.abs(v) >= 99.95 && Math.abs(v) < 100) return v > 0 ? '>99.9%' : '<−99.9%';
  return `${formatPlain(v, Math.abs(v) >= 10 ? 3 : 2)}%`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A decimal year as a month: 2020.41 → "May 2020" / "2020 年 5 月". */
export function formatYearMonth(year: number, lang: Lang): string {
  if (!isFiniteNumber(year) || year < 0 || year >= 10000) return MISSING;
  let whole = Math.floor(year);
  let month = Math.floor((year - whole) * 12);
  if (month > 11) {
    month = 0;
    whole += 1;
  }
  return lang === 'zh' ? `${whole} 年 ${month + 1} 月` : `${EN_MONTHS[month]} ${whole}`;
}

/** An ISO date (YYYY-MM-DD) as a decimal year: "2020-05-28" → 2020.41; NaN for a malformed date. */
export function decimalYear(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (Date.UTC(year, Number(match[2]) - 1, Number(match[3])) - start) / (end - start);
}

/** Chinese spacing: a space after text that ends in a Latin letter, digit or symbol ("100 亿 token" + "时"). */
export function zhGap(text: string): string {
  return /[\x21-\x7e\u00b2\u00b3\u00b9\u2070-\u209f]$/.test(text) ? `${text} ` : text;
}
