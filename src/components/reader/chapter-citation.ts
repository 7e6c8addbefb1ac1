// How to cite one chapter: a CSL-JSON record of it, turned into BibTeX by citation-js and into a plain reference.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { Lang } from '../../lib/i18n';

/** What a chapter's citation is made of. */
export interface ChapterCitationInput {
  lang: Lang;
  slug: string;
  title: string;
  siteTitle: string;
  /** The date of the version being cited (the last update, else the publication). */
  date: Date;
  /** The chapter's canonical, absolute URL. */
  url: string;
}

/** The two forms a reader can copy. */
export interface ChapterCitation {
  bibtex: string;
  plain: string;
}

interface BibtexFormatConfig {
  format: { asciiOnly: boolean; useIdAsLabel: boolean };
}

/** A chapter as CSL-JSON: a titled part of the essay, with the essay (an organisation) as its author. */
export function chapterCsl(input: ChapterCitationInput): Record<string, unknown> {
  const year = input.date.getUTCFullYear();
  return {
    id: `openai-revelation-${year}-${input.slug}${input.lang === 'zh' ? '-zh' : ''}`,
    type: 'chapter',
    title: input.title,
    'container-title': input.siteTitle,
    author: [{ literal: input.siteTitle }],
    issued: { 'date-parts': [[year]] },
    URL: input.url,
    language: input.lang === 'zh' ? 'zh-CN' : 'en',
  };
}

/** BibTeX (via citation-js, keeping Chinese characters) and a plain reference (APA in English, GB/T 7714 in Chinese). */
export function chapterCitation(input: ChapterCitationInput): ChapterCitation {
  const cite = new Cite(JSON.stringify([chapterCsl(input)]));
  const config = plugins.config.get('@bibtex') as BibtexFormatConfig;
  const saved = { ...config.format };
  config.format.asciiOnly = false;
  config.format.useIdAsLabel = true;
  let bibtex: string;
  try {
    bibtex = (cite.format('bibtex') as string).trim().replace(/\t/g, '  ');
  } finally {
    Object.assign(config.format, saved);
  }
  const isoDate = input.date.toISOString().slice(0, 10);
  const plain =
    input.lang === 'zh'
      ? `${input.siteTitle}. ${input.title}[EB/OL]. (${isoDate}). ${input.url}`
      : (cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string).trim();
  return { bibtex, plain };
}
