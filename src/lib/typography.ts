// Typographic units the essay's generated text shares.

/** "et al." with a no-break space, so the two words never part at a line's end (in-text citations, figure sources). */
export const ET_AL = 'et\u00a0al.';
