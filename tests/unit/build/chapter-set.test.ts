import { describe, expect, it } from 'vitest';
import { chapterFileOf, checkChapterSet } from '../../../src/lib/chapter-set';

/** A loaded entry as the content loader holds it. */
const entry = (id: string, order: number, extra: Record<string, unknown> = {}) => ({
  id,
  filePath: `content/${id}.mdx`,
  data: { order, slug: id.split('/')[1], ...extra },
});

describe('the chapter set', () => {
  it('reads language, file name and front-matter from a loaded entry', () => {
    expect(chapterFileOf(entry('zh/scaling-laws', 3))).toEqual({
      file: 'content/zh/scaling-laws.mdx',
      lang: 'zh',
      order: 3,
      slug: 'scaling-laws',
      fileSlug: 'scaling-laws',
      draft: false,
    });
    expect(chapterFileOf({ id: 'en/prelude', data: { order: 0, slug: 'intro', draft: true } })).toMatchObject({
      file: 'en/prelude',
      slug: 'intro',
      fileSlug: 'prelude',
      draft: true,
    });
  });

  it('accepts two editions that match', () => {
    const set = ['zh/a', 'en/a', 'zh/b', 'en/b'].map((id, i) => chapterFileOf(entry(id, Math.floor(i / 2) + 1)));
    expect(() => checkChapterSet(set)).not.toThrow();
  });

  it('names the file of a chapter without its twin, and of a shared order', () => {
    const set = [entry('zh/a', 1), entry('en/a', 1), entry('zh/b', 1)].map(chapterFileOf);
    expect(() => checkChapterSet(set)).toThrow(/content\/zh\/b\.mdx: chapter "b" has no en edition/);
    expect(() => checkChapterSet(set)).toThrow(/content\/zh\/b\.mdx: field "order" \(1\) is also used by content\/zh\/a\.mdx/);
  });

  it('names the file whose slug differs from its name', () => {
    const set = [entry('zh/a', 1, { slug: 'x' }), entry('en/a', 1)].map(chapterFileOf);
    expect(() => checkChapterSet(set)).toThrow(/content\/zh\/a\.mdx: field "slug" is "x" but the file is named "a\.mdx"/);
  });
});
