// Which chapters start with math: their first screen waits for KaTeX's fonts (KaTeX declares font-display: block),
// so those pages ask for the two faces inline math uses most before the stylesheet has even been parsed.

/** How much MDX prose counts as "the first screen" on a phone, in Latin-letter widths (a CJK character is two). */
export const FIRST_SCREEN_WIDTH = 800;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** True when the MDX body has inline or display math (`$…$`, `$$…$$`) within its first `width` columns of prose. */
export function mathNearTop(body: string, width = FIRST_SCREEN_WIDTH): boolean {
  const prose = body
    .replace(/^(?:\s*(?:import|export)\s[^\n]*\n)+/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  let end = 0;
  for (let used = 0; end < prose.length && used < width; end += 1) used += WIDE.test(prose[end] as string) ? 2 : 1;
  return /(?<!\\)(?:\$\$[\s\S]+?\$\$|\$[^$\s](?:[^$\n]*[^$\s\\])?\$)/.test(prose.slice(0, end));
}
