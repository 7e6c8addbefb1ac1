import { describe, it, expect } from 'vitest';
import { readChapters, chapterIds } from '../../essay-files';

const zh = readChapters('zh');
const en = readChapters('en');

describe('the two editions are parallel', () => {
  it('have the same chapters in the same order', () => {
    expect(en.map((c) => [c.order, c.slug])).toEqual(zh.map((c) => [c.order, c.slug]));
  });

  for (const chapter of zh) {
    const twin = en.find((c) => c.slug === chapter.slug);
    if (!twin) continue;
    const a = chapterIds(chapter.body);
    const b = chapterIds(twin.body);
    it(`${chapter.slug}: same section anchors in the same order`, () => expect(b.anchors).toEqual(a.anchors));
    it(`${chapter.slug}: same figure ids in the same order`, () => expect(b.figures).toEqual(a.figures));
    it(`${chapter.slug}: same equation labels in the same order`, () => expect(b.equations).toEqual(a.equations));
    it(`${chapter.slug}: same footnote names`, () => expect(b.footnotes).toEqual(a.footnotes));
    it(`${chapter.slug}: same citation keys`, () => expect(b.citations).toEqual(a.citations));
  }
});
