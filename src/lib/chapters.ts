import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, type Lang } from './i18n';
import { chapterFileOf, checkChapterSet } from './chapter-set';

export type Chapter = CollectionEntry<'chapters'> & { lang: Lang };

let cache: Promise<Record<Lang, Chapter[]>> | undefined;

/** All published chapters of both editions, sorted by order, after the cross-file checks of chapter-set.ts. */
export function getEssay(): Promise<Record<Lang, Chapter[]>> {
  cache ??= load();
  return cache;
}

async function load(): Promise<Record<Lang, Chapter[]>> {
  const entries = await getCollection('chapters');
  checkChapterSet(entries.map(chapterFileOf));
  const essay = { zh: [], en: [] } as Record<Lang, Chapter[]>;
  for (const entry of entries) {
    if (entry.data.draft) continue;
    const lang = entry.id.split('/')[0] as Lang;
    essay[lang].push({ ...entry, lang });
  }
  for (const lang of LANGS) essay[lang].sort((a, b) => a.data.order - b.data.order);
  return essay;
}

/** The chapters of one edition, in order. */
export async function getChapters(lang: Lang): Promise<Chapter[]> {
  return (await getEssay())[lang];
}
