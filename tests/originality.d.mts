/** How many characters make a copied run. */
export const RUN_LENGTH: number;
/** Drops whitespace and punctuation and lower-cases. */
export function normalizeForRuns(text: string): string;
/** Sentences of six or more Latin words, normalised. */
export function latinSentences(text: string): string[];
/** Removes quoted passages. */
export function withoutQuotations(text: string): string;
