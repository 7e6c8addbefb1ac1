/** Types for scripts/check-links.mjs (offline link checker of a built site). */
export interface PageLinks {
  page: string;
  file: string;
  links: number;
  problems: string[];
}
export function checkLinks(dist: string, options?: { base?: string; site?: string; pages?: string[] }): { pages: PageLinks[] };
