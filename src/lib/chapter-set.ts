/** What the cross-file checks need to know of one chapter file. */
export interface ChapterFile {
  file: string;
  lang: string;
  order: number;
  slug: string;
  fileSlug: string;
  draft: boolean;
}

/** What the checks need of one loaded chapter entry (id "zh/scaling-laws", its front-matter in `data`). */
export function chapterFileOf(entry: {
  id: string;
  filePath?: string;
  data: { order?: unknown; slug?: unknown; draft?: unknown };
}): ChapterFile {
  const [lang = '', fileSlug = ''] = entry.id.split('/');
  return {
    file: entry.filePath ?? entry.id,
    lang,
    order: Number(entry.data.order),
    slug: String(entry.data.slug),
    fileSlug,
    draft: entry.data.draft === true,
  };
}

/**
 * Checks a set of chapter files as a whole and throws an Error naming the file at fault when a chapter's
 * slug differs from its file name, two chapters of a language share an order or a slug, or a chapter exists
 * in one language and not the other.
 */
export function checkChapterSet(files: ChapterFile[]): void {
  const problems: string[] = [];
  const langs = ['zh', 'en'];
  for (const f of files) {
    if (!langs.includes(f.lang)) problems.push(`${f.file}: lang folder "${f.lang}" is not one of ${langs.join(', ')}`);
    if (f.slug !== f.fileSlug) problems.push(`${f.file}: field "slug" is "${f.slug}" but the file is named "${f.fileSlug}.mdx"`);
  }
  for (const lang of langs) {
    const mine = files.filter((f) => f.lang === lang);
    for (const key of ['order', 'slug'] as const) {
      const seen = new Map<string, string>();
      for (const f of mine) {
        const value = String(f[key]);
        const other = seen.get(value);
        if (other) problems.push(`${f.file}: field "${key}" (${value}) is also used by ${other}`);
        else seen.set(value, f.file);
      }
    }
  }
  const [zh, en] = langs.map((lang) => files.filter((f) => f.lang === lang && !f.draft));
  for (const [mine, theirs, lang] of [[zh, en, 'en'], [en, zh, 'zh']] as const) {
    for (const f of mine ?? []) {
      const twin = theirs?.find((g) => g.slug === f.slug);
      if (!twin) problems.push(`${f.file}: chapter "${f.slug}" has no ${lang} edition (expected content/${lang}/${f.slug}.mdx)`);
      else if (twin.order !== f.order) problems.push(`${f.file}: field "order" is ${f.order} but ${twin.file} has ${twin.order}`);
    }
  }
  if (problems.length) {
    throw new Error(`Chapter set is inconsistent:\n  ${[...new Set(problems)].join('\n  ')}`);
  }
}
