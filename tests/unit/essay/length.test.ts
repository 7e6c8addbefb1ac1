import { describe, it, expect } from 'vitest';
import { readChapters, plainText } from '../../essay-files';
import { countText } from '../../../src/lib/markdown/text-stats';

// Floors from the essay's brief: a chapter is an essay, not a note.
const MIN_CJK = 2500;
const MIN_WORDS = 1200;

describe('every chapter has the body of an essay', () => {
  for (const chapter of readChapters('zh')) {
    it(`zh/${chapter.slug} has at least ${MIN_CJK} Chinese characters`, () => {
      expect(countText(plainText(chapter.body)).cjk).toBeGreaterThanOrEqual(MIN_CJK);
    });
  }
  for (const chapter of readChapters('en')) {
    it(`en/${chapter.slug} has at least ${MIN_WORDS} English words`, () => {
      expect(countText(plainText(chapter.body)).words).toBeGreaterThanOrEqual(MIN_WORDS);
    });
  }
});
