import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/** One chapter source file with its parsed front-matter and body. */
export interface ChapterSource {
  lang: 'zh' | 'en';
  file: string;
  slug: string;
  order: number;
  title: string;
  draft: boolean;
  body: string;
}

/** Reads every chapter of content/<lang>/*.mdx (or another content folder), sorted by order. */
export function readChapters(lang: 'zh' | 'en', dir = 'content'): ChapterSource[] {
  const folder = path.join(dir, lang);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = path.join(folder, name);
      const source = readFileSync(file, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
      const data = (match ? yaml.load(match[1] ?? '') : {}) as Record<string, unknown>;
      return {
        lang,
        file,
        slug: String(data.slug),
        order: Number(data.order),
        title: String(data.title),
        draft: data.draft === true,
        body: match ? source.slice(match[0].length) : source,
      };
    })
    .filter((chapter) => !chapter.draft)
    .sort((a, b) => a.order - b.order);
}

/** The readable text of a chapter body: no JSX tags, math, URLs, anchors or footnote markers. */
export function plainText(body: string): string {
  return body
    .replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][A-Za-z]*\b[^>]*>/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\[#[a-z0-9-]+\]/g, ' ')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#*_`[\]|>]/g, ' ');
}

/** The ids a chapter shares with its twin: section anchors (in order), figures, equations, footnotes, citations. */
export function chapterIds(body: string) {
  const all = (re: RegExp) => [...body.matchAll(re)].map((m) => m[1]!);
  return {
    anchors: all(/^#{2,6} .*\[#([a-z0-9-]+)\]\s*$/gm),
    figures: all(/<Figure\s+id="([^"]+)"/g),
    equations: all(/<Equation\s+id="([^"]+)"/g),
    footnotes: [...new Set(all(/\[\^([^\]]+)\]:/g))].sort(),
    citations: [...new Set(all(/<Cite\s+key="([^"]+)"/g).flatMap((k) => k.split(',').map((s) => s.trim())))].sort(),
  };
}
