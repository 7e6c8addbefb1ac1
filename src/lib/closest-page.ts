// Which page of the site a mistyped or outdated address most likely meant: used by the "page not found" page.

/** A page the not-found page may suggest: its path (base included) and its title. */
export interface Suggestion {
  path: string;
  title: string;
}

/** Levenshtein distance between two strings: the fewest single-character insertions, deletions or substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The path's segments after the base, lower-cased, without "index.html" or a trailing ".html". */
function segments(pathname: string, base: string): string[] {
  const inside = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  return inside
    .toLowerCase()
    .replace(/(?:^|\/)index\.html?$/, '')
    .replace(/\.html?$/, '')
    .split('/')
    .filter(Boolean);
}

/**
 * The page whose address is closest to `pathname`, or undefined when none is close enough to be a likely meaning.
 * The address after the base is compared with each page's ("en/scaling-law" with "en/scaling-laws"), language
 * included, so a page in the language the address names is the nearer one. Close enough: at most a third of the
 * longer address's letters differ (2 always may), so a typo or a dropped letter finds its page and an unrelated word
 * finds none.
 */
export function closestPage<T extends Suggestion>(pathname: string, pages: readonly T[], base = '/'): T | undefined {
  const asked = segments(pathname, base).join('/');
  if (asked === '') return undefined;
  let best: { page: T; distance: number } | undefined;
  for (const page of pages) {
    const known = segments(page.path, base).join('/');
    const distance = editDistance(asked, known);
    const allowed = Math.max(2, Math.floor(Math.max(asked.length, known.length) / 3));
    if (distance <= allowed && (!best || distance < best.distance)) best = { page, distance };
  }
  return best?.page;
}
