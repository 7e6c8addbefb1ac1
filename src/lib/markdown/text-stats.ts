const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

/** Counts of a text: CJK characters and Latin words (digits count as words). */
export interface TextStats {
  cjk: number;
  words: number;
}

/** Counts CJK characters and Latin words in plain text. */
export function countText(text: string): TextStats {
  return { cjk: text.match(CJK)?.length ?? 0, words: text.replace(CJK, ' ').match(LATIN_WORD)?.length ?? 0 };
}

/** Reading time in whole minutes: 400 CJK characters or 230 English words a minute, at least 1. */
export function readingMinutes(stats: TextStats): number {
  return Math.max(1, Math.round(stats.cjk / 400 + stats.words / 230));
}
