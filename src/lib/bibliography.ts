import { readFileSync } from 'node:fs';
import path from 'node:path';
// citation-js parses BibTeX and formats references with CSL styles; we only pick fields out of its CSL-JSON.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { contentDir } from './content-dir';
import type { Lang } from './i18n';
import { ET_AL } from './typography';

/** The CSL-JSON fields this site reads. */
interface CslItem {
  id: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  editor?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts'?: number[][] };
  URL?: string;
  DOI?: string;
  [field: string]: unknown;
}

/** One work of the bibliography, ready to render. */
export interface Reference {
  key: string;
  item: CslItem;
  /** The formatted APA reference as HTML (from citation-js). */
  html: string;
  /** The best link for the work: DOI, arXiv or URL. */
  url?: string;
  /** The year as cited, with APA's letter where one author has two works that year: "2020", "2023a". */
  year: string;
}

let cache: Map<string, Reference> | undefined;

/** The bibliography file: content/references.bib. */
export function bibliographyFile(): string {
  return path.join(contentDir(), 'references.bib');
}

/** All works of content/references.bib by citation key, parsed once per build. */
export function getBibliography(): Map<string, Reference> {
  if (cache) return cache;
  const cite = new Cite(readFileSync(bibliographyFile(), 'utf8'));
  const items = cite.data as CslItem[];
  const html = cite.format('bibliography', { format: 'html', template: 'apa', lang: 'en-US', asEntryArray: true }) as Array<[string, string]>;
  const byKey = new Map(html);
  cache = new Map(
    items.map((item) => {
      const url = item.DOI ? `https://doi.org/${item.DOI}` : item.URL;
      const entry = (byKey.get(item.id) ?? '').replace(/^\s*<div[^>]*>/, '').replace(/<\/div>\s*$/, '').trim();
      return [item.id, { key: item.id, item, html: linkify(entry), url, year: yearOf(item, entry) }];
    }),
  );
  return cache;
}

/**
 * A work's year as its APA entry prints it, with the letter APA adds to tell apart two works of one author and year:
 * "2023a" for OpenAI's GPT-4 report, "2023b" for its ChatGPT API post.
 */
function yearOf(item: CslItem, entry: string): string {
  const year = String(item.issued?.['date-parts']?.[0]?.[0] ?? 'n.d.');
  const letter = entry.match(new RegExp(`\\(${year}([a-z])\\b`))?.[1] ?? '';
  return `${year}${letter}`;
}

/** Turns the bare URLs that APA output ends with into links. */
function linkify(html: string): string {
  return html.replace(/(https?:\/\/[^\s<]+[^\s<.,;)])/g, '<a href="$1">$1</a>');
}

/** Looks a key up; undefined when the bibliography lacks it. */
export function findReference(key: string): Reference | undefined {
  return getBibliography().get(key);
}

/** The in-text label of a work: "Kaplan et al. 2020" / "Kaplan 等 2020", "Sutton 2019", "Shannon & Weaver 1949". */
export function citationLabel(ref: Reference, lang: Lang): string {
  const people = ref.item.author ?? ref.item.editor ?? [];
  const names = people.map((p) => p.family ?? p.literal ?? '').filter(Boolean);
  const title = ref.item.title ?? ref.key;
  let who: string;
  if (names.length === 0) who = title;
  else if (names.length === 1) who = names[0]!;
  else if (names.length === 2) who = lang === 'zh' ? `${names[0]}、${names[1]}` : `${names[0]} & ${names[1]}`;
  // "et al." is one unit, never split across two lines (a no-break space); a line may still end before it or the year.
  else who = lang === 'zh' ? `${names[0]} 等` : `${names[0]} ${ET_AL}`;
  return `${who} ${ref.year}`;
}

/**
 * A citation's locator as set after its label, "Table 3" / "图 6": each number (or §, or a lettered number such as
 * "D.2") tied to the word before it by a no-break space, so a line never ends between "图" and "6".
 */
export function citationLocator(loc: string): string {
  return loc.trim().replace(/ (?=[\d§]|[A-Z]\.\d)/g, '\u00a0');
}
