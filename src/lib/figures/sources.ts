// Small helpers the figure definitions share: bilingual text, short citations, table cells.
import type { Lang } from '../i18n';
import type { Bilingual, TableCell } from './types';
import { MISSING } from './format';

/** A bilingual string from its two editions. */
export function bi(en: string, zh: string): Bilingual {
  return { en, zh };
}

/** The colon that joins a label to its value: full-width '：' in Chinese, ': ' in English. */
export function colonIn(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/**
 * The author–year part of a module source string, as the edition's in-text citations write it (bibliography.ts):
 * 'Brown et al. 2020, arXiv …' → 'Brown et al. 2020', or 'Brown 等 2020' in Chinese.
 */
export function shortCitation(source: string, lang: Lang): string {
  const label = (source.split(/[,(;]/)[0] ?? source).trim();
  return lang === 'zh' ? label.replace(' et al. ', ' 等 ') : label;
}

/**
 * A datum's source as its tooltip shows it: the module's whole line in English; in Chinese only its author–year
 * citation, since the rest of the line is English prose.
 */
export function tooltipSource(source: string, lang: Lang): string {
  return lang === 'zh' ? shortCitation(source, lang) : source;
}

/** A numeric table cell: the exact value (for tests and copying) and its readable text. */
export function cell(value: number, text: string): TableCell {
  return Number.isFinite(value) ? { value, text } : { text: MISSING };
}

/** A text-only table cell. */
export function textCell(text: string): TableCell {
  return { text };
}

/** Picks the language's string of a bilingual pair. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
