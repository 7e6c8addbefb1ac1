// Text normalisation shared by the seed fingerprint script and the originality test.

/** How many characters make a copied run. */
export const RUN_LENGTH = 20;

/** Drops whitespace and punctuation (ASCII and CJK) and lower-cases, so reworded punctuation still matches. */
export function normalizeForRuns(text) {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Sentences of six or more Latin words, lower-cased with single spaces and no punctuation. */
export function latinSentences(text) {
  return text
    .split(/[.!?。！？\n]+/)
    .map((s) => s.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 6);
}

/** Removes quoted passages (“…”, 「…」, "…", ‘…’ and > blockquotes): quotations of people are allowed. */
export function withoutQuotations(text) {
  return text
    .replace(/^>.*$/gm, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/『[^』]*』/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/‘[^’]*’/g, ' ');
}
