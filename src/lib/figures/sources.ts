// Small helpers the figure definitions share: bilingual text, short citations, model lookup, table cells.
import { MODELS, type ModelFact } from '../scaling/models';
import type { Lang } from '../i18n';
import type { Bilingual, TableCell } from './types';
import { MISSING } from './format';

/** A bilingual string from its two editions. */
export function bi(en: string, zh: string): Bilingual {
  return { en, zh };
}

/** The author–year part of a module source string: 'Brown et al. 2020, arXiv …' → 'Brown et al. 2020'. */
export function shortCitation(source: string): string {
  return (source.split(/[,(;]/)[0] ?? source).trim();
}

/** A model of the timeline by id (throws if the module no longer has it, so a rename fails the tests). */
export function model(id: string): ModelFact {
  const found = MODELS.find((m) => m.id === id);
  if (!found) throw new Error(`figures: no model "${id}" in src/lib/scaling MODELS`);
  return found;
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
